# Timing of metafor::rma.glmm(measure = "PLO") (lme4::glmer, nAGQ = 7) on the CSV written by bench/GlmmTiming.java.
# Usage: Rscript bench/glmm-timing.R target/bench/glmm-k1000.csv [RUNS]
# One warm-up call, then RUNS (default 3) timed calls; prints median and minimum wall time (proc.time) and the fit.
suppressPackageStartupMessages({library(metafor); library(lme4)})
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
runs <- if (length(args) >= 2) as.integer(args[2]) else 3L
cat(sprintf("%s; metafor %s; lme4 %s\n", R.version.string, packageVersion("metafor"), packageVersion("lme4")))
fit <- function() rma.glmm(measure = "PLO", xi = xi, ni = ni, data = d)
res <- fit()
t <- numeric(runs)
for (i in seq_len(runs)) {
  t0 <- proc.time()[["elapsed"]]
  fit()
  t[i] <- proc.time()[["elapsed"]] - t0
}
cat(sprintf("k=%d median_ms=%.0f min_ms=%.0f runs=%d\n", nrow(d), 1000 * median(t), 1000 * min(t), runs))
cat(sprintf("estimate=%.10f se=%.10f tau2=%.10f\n", res$b[1], res$se, res$tau2))
