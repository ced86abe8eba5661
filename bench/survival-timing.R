# R side of SurvivalBenchmark (src/jmh): the same generator (exponential times, HR 0.7, uniform censoring on [0, 30];
# Cox: 5 N(0,1) covariates with coefficients 0.1..0.5) in R; run: Rscript bench/survival-timing.R
suppressMessages(library(survival))
set.seed(20261125); n <- 1e6
g <- rep(0:1, length.out = n)
t <- rexp(n, ifelse(g == 1, 0.07, 0.1)); c <- runif(n) * 30
time <- round(pmin(t, c) * 100) / 100; st <- as.integer(t <= c)
best <- function(f, reps) min(sapply(seq_len(reps), function(i) system.time(f())[["elapsed"]]))
km <- best(function() { survfit(Surv(time, st) ~ g); survdiff(Surv(time, st) ~ g) }, 3)
m <- 1e5; X <- matrix(rnorm(m * 5), m, 5); lp <- X %*% (0.1 * (1:5))
tt <- rexp(m, 0.1 * exp(lp)); cc <- runif(m) * 30
ct <- pmin(tt, cc); cs <- as.integer(tt <= cc)
cox <- best(function() coxph(Surv(ct, cs) ~ X), 3)
cat(sprintf("R %s survival %s: survfit+survdiff 1e6 rows best of 3: %.0f ms; coxph 1e5 x 5 best of 3: %.0f ms\n",
  R.version.string, packageVersion("survival"), 1000 * km, 1000 * cox))
