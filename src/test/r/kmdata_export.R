# Exports the 32 kmdata trials used by the reconstruction benchmark (bench/reconstruct.sh,
# org.trialmeta.bench.ReconstructBench) to src/test/resources/kmdata/kmdata-32.csv.
# kmdata: github.com/raredd/kmdata, commit 8972d41 ("add kmm"), MIT licence (c) 2021 Robert Redd; patient data
# reconstructed (Guyot algorithm) from the Kaplan-Meier figures of phase III oncology trials published 2014-2016.
# Selection: per trial the first figure (alphabetically) with 150-700 patients, then every (95/32)-th of the 95
# trials that have one, in name order.
# Run with the kmdata sources checked out in KMDATA (its data/*.rda): KMDATA=/path/to/kmdata Rscript src/test/r/kmdata_export.R
kmdata <- Sys.getenv("KMDATA")
sel <- c("ACT1_2A", "AIO0207(b)_3B", "BEBYP_1", "BREC_2A", "CAIRO3_2A", "CALGB90202_2B", "CONCUR_2A",
  "DART0105_2A", "ELDA_1A", "ERCC1_2A", "FFCD2001_S1A", "GIM_3", "INSPIRE_2A", "JCOG0509_2A", "LEA_2A",
  "LUXLung5_1A", "MAPS_2A", "MIROX_2A", "NCT00596830_2A", "NCT00673049_2A", "NITRO_2A", "NeoALTTO(a)_2A",
  "OPTIMOX3_3A", "PEGASE07_2A", "PROFILE1014_1A", "R98_2", "RTOG9804_2C", "SELECTBC_2A", "TANIA_2", "TRIBE_2",
  "TURANDOT_2B", "WJOG5208L_2A")
rows <- do.call(rbind, lapply(sel, function(n) {
  e <- new.env()
  load(file.path(kmdata, "data", paste0(n, ".rda")), envir = e)
  d <- get(ls(e)[1], envir = e)
  data.frame(trial = n, arm = as.character(d$arm), time = d$time, event = d$event)
}))
write.csv(rows, "src/test/resources/kmdata/kmdata-32.csv", row.names = FALSE, quote = FALSE)
