# Reference values: Sidik-Jonkman tau² when every study has the same estimate.
#
# Run from the repository root:  Rscript src/test/r/sj_identical.R
# Writes src/test/resources/r/sj_identical/sj_identical.csv (numbers as %.17g), one row per case:
#   y (the common estimate), k, vi (';'-separated), and metafor's tau2, estimate and se of
#   rma(yi = rep(y, k), vi = vi, method = "SJ").
# metafor starts SJ from tau0² = var(yi)·(k − 1)/k; R's var() uses a two-pass mean, so identical estimates
# give tau0² = 0 and tau² = 0 exactly (a one-pass mean sum/k left tau² ~ 1e-33..1e-63 in Java).
# Produced with: R version 4.2.2 Patched (2022-11-10 r83330), metafor 3.8.1 (printed below when run).
suppressMessages(library(metafor))
cat(R.version.string, "metafor", as.character(packageVersion("metafor")), "\n")
out.dir <- "src/test/resources/r/sj_identical"
dir.create(out.dir, recursive = TRUE, showWarnings = FALSE)
cases <- list(c(0.1, 3), c(0.3, 11), c(-2.379, 13), c(7.7, 7), c(-1.1, 7), c(0.7, 3), c(2.2, 13), c(-0.4, 11))
rows <- character(0)
for (cs in cases) {
  y <- cs[1]
  k <- cs[2]
  vi <- 0.05 + 0.01 * seq_len(k)^1.5
  r <- rma(yi = rep(y, k), vi = vi, method = "SJ")
  rows <- c(rows, paste(sprintf("%.17g", y), k, paste(sprintf("%.17g", vi), collapse = ";"),
                        sprintf("%.17g", r$tau2), sprintf("%.17g", c(r$beta)), sprintf("%.17g", r$se), sep = ","))
}
writeLines(c(paste0("# ", R.version.string, ", metafor ", packageVersion("metafor")),
             "y,k,vi,tau2,estimate,se", rows), file.path(out.dir, "sj_identical.csv"))
