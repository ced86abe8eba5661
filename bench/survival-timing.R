# R side of SurvivalBenchmark (src/jmh).
#   Rscript bench/survival-timing.R                      generate statistically the same data in R (exponential
#                                                        times, HR 0.7, uniform censoring on [0, 30]; Cox: 5 N(0,1)
#                                                        covariates with coefficients 0.1..0.5)
#   Rscript bench/survival-timing.R DATADIR N OUT_CSV    read the exact rows SurvivalBenchmark times, written by
#                                                        org.trialmeta.bench.ExportSurvivalData (km-n<N>.csv,
#                                                        cox-100000.csv), and write the timings to OUT_CSV
# Timing: best (minimum elapsed) of 3 system.time calls, ms.
suppressMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
best <- function(f, reps) min(sapply(seq_len(reps), function(i) system.time(f())[["elapsed"]]))
if (length(args) >= 3) {
  n <- as.integer(args[2])
  d <- read.csv(file.path(args[1], sprintf("km-n%d.csv", n)))
  time <- d$time; st <- d$status; g <- d$group
  cx <- read.csv(file.path(args[1], "cox-100000.csv"))
  m <- nrow(cx); X <- as.matrix(cx[, paste0("x", 1:5)]); ct <- cx$time; cs <- cx$status
} else {
  set.seed(20261125); n <- 1e6
  g <- rep(0:1, length.out = n)
  t <- rexp(n, ifelse(g == 1, 0.07, 0.1)); c <- runif(n) * 30
  time <- round(pmin(t, c) * 100) / 100; st <- as.integer(t <= c)
  m <- 1e5; X <- matrix(rnorm(m * 5), m, 5); lp <- X %*% (0.1 * (1:5))
  tt <- rexp(m, 0.1 * exp(lp)); cc <- runif(m) * 30
  ct <- pmin(tt, cc); cs <- as.integer(tt <= cc)
}
km <- best(function() { survfit(Surv(time, st) ~ g); survdiff(Surv(time, st) ~ g) }, 3)
cox <- best(function() coxph(Surv(ct, cs) ~ X), 3)
cat(sprintf("R %s survival %s: survfit+survdiff %d rows best of 3: %.0f ms; coxph %d x 5 best of 3: %.0f ms\n",
  R.version.string, packageVersion("survival"), n, 1000 * km, m, 1000 * cox))
if (length(args) >= 3) {
  write.csv(data.frame(task = c("km_logrank", "cox"), size = c(n, m), r_ms = c(1000 * km, 1000 * cox),
                       r_version = R.version.string, package = paste("survival", packageVersion("survival"))),
            args[3], row.names = FALSE)
}
