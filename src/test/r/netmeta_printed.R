# Inputs for NetmetaPrintedExamplesTest: netmeta's Stowe2010 and Baker2009 data sets as long arm-level CSVs.
# netmeta is not installable here and its data are not redistributed with trialmeta: point this script at a copy of
# the netmeta sources (its data/ folder) and the test at the output folder:
#   Rscript src/test/r/netmeta_printed.R /path/to/netmeta/data /tmp/netmeta-csv
#   mvn test -Dtest=NetmetaPrintedExamplesTest -Dnetmeta.csv=/tmp/netmeta-csv
# Baker2009 without the DalNegro study (events in every participant), as netmeta's JSS article (section 5.3).
args <- commandArgs(trailingOnly = TRUE)
load(file.path(args[1], "Stowe2010.rda")); load(file.path(args[1], "Baker2009.rda"))
dir.create(args[2], showWarnings = FALSE, recursive = TRUE)
s <- Stowe2010; r <- list()
for (i in seq_len(nrow(s))) for (a in 1:3) {
  t <- s[[paste0("t", a)]][i]
  if (!is.na(t) && t != "") r[[length(r) + 1]] <- data.frame(study = s$study[i], treatment = t,
    mean = s[[paste0("y", a)]][i], sd = s[[paste0("sd", a)]][i], n = s[[paste0("n", a)]][i])
}
write.csv(do.call(rbind, r), file.path(args[2], "stowe_arms.csv"), row.names = FALSE)
b <- Baker2009[!grepl("DalNegro", Baker2009$study), ]
write.csv(data.frame(study = b$study, treatment = b$treatment, events = b$exac, n = b$total),
          file.path(args[2], "baker_arms.csv"), row.names = FALSE)
