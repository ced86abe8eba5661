# Timing of R's coxph + cox.zph on the data written by CoxTiming.java (10^5 rows x 5 covariates).
# R version 4.2.2 Patched (2022-11-10 r83330), survival 3.5.3.  Usage: Rscript src/test/r/cox_timing.R /tmp/sim.csv
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
best_fit <- Inf; best_zph <- Inf
for (i in 1:10) {
  t0 <- proc.time()[3]; f <- coxph(Surv(time, status) ~ x1 + x2 + x3 + x4 + x5, data = d)
  t1 <- proc.time()[3]; z <- cox.zph(f); t2 <- proc.time()[3]
  best_fit <- min(best_fit, t1 - t0); best_zph <- min(best_zph, t2 - t1)
}
cat(sprintf("coef %s\n", paste(sprintf("%.15g", coef(f)), collapse = " ")))
cat(sprintf("best of 10: coxph %.1f ms, cox.zph %.1f ms\n", 1000 * best_fit, 1000 * best_zph))
