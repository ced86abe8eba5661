# Reference for `bias` when every study has the same sampling variance: metafor's regtest() finds its model matrix
# not of full rank, ranktest() gives tau NA (with a warning) and trimfill() fails, while fsn() is computed.
# Run from the repository root:  Rscript src/test/r/bias_equal_variances.R
# Produced with: R version 4.2.2 Patched (2022-11-10 r83330), metafor 3.8.1 (printed on each run).
# Writes src/test/resources/r/bias_equal_variances/studies.csv (the input) and results.csv (key,value).
suppressMessages(library(metafor))
cat(R.version.string, "\n"); cat("metafor", as.character(packageVersion("metafor")), "\n")
out <- "src/test/resources/r/bias_equal_variances"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
d <- data.frame(study = LETTERS[1:10], yi = c(0.1, 0.5, 0.3, 0.2, 0.4, 0.25, 0.35, 0.15, 0.45, 0.3), vi = 0.02)
write.csv(d, file.path(out, "studies.csv"), row.names = FALSE, quote = FALSE)
r <- rma(yi, vi, data = d, method = "REML")
fails <- function(e) as.numeric(inherits(try(e, silent = TRUE), "try-error"))
rt <- suppressWarnings(ranktest(r))
res <- data.frame(key = c("estimate", "fsn", "regtest_fails", "ranktest_tau_na", "trimfill_fails"),
  value = c(sprintf("%.17g", r$beta[1]), sprintf("%.17g", fsn(yi, vi, data = d)$fsnum), fails(regtest(r)),
            as.numeric(is.na(rt$tau)), fails(trimfill(r))))
write.csv(res, file.path(out, "results.csv"), row.names = FALSE, quote = FALSE)
