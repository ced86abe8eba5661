# R side of bench/whole-process.sh: one task per process, timed from outside (/usr/bin/time -v), as a user runs it.
#   Rscript bench/whole-process.R km FILE OUT.csv     survfit + survdiff by group, medians printed, summary table
#                                                     (time, n.risk, n.event, n.censor, surv, std.err, lower, upper,
#                                                     strata) written to OUT.csv
#   Rscript bench/whole-process.R cox FILE            coxph(Surv(time, status) ~ x1 + ... + x5), summary printed
#   Rscript bench/whole-process.R rma FILE            rma(yi, vi, method = "REML"), printed
#   Rscript bench/whole-process.R bcg FILE            escalc("RR") + rma(REML) + confint on the BCG example, printed
#   Rscript bench/whole-process.R by FILE FRACTION    a loop of rma(REML) + confint (Q-profile CI of tau^2) over the
#                                                     analyses of FILE (column analysis), on the first FRACTION of
#                                                     them; prints "read_s loop_s analyses_done analyses_total" so
#                                                     the caller can extrapolate the loop linearly to all analyses
suppressMessages({library(survival); library(metafor)})
a <- commandArgs(trailingOnly = TRUE)
task <- a[1]; file <- a[2]
if (task == "km") {
  d <- read.csv(file)
  fit <- survfit(Surv(time, status) ~ group, data = d)
  print(fit)
  print(survdiff(Surv(time, status) ~ group, data = d))
  s <- summary(fit)
  write.csv(data.frame(time = s$time, n.risk = s$n.risk, n.event = s$n.event, n.censor = s$n.censor,
                       surv = s$surv, std.err = s$std.err, lower = s$lower, upper = s$upper, strata = s$strata),
            a[3], row.names = FALSE)
} else if (task == "cox") {
  d <- read.csv(file)
  print(summary(coxph(Surv(time, status) ~ x1 + x2 + x3 + x4 + x5, data = d)))
} else if (task == "rma") {
  d <- read.csv(file)
  print(rma(yi, vi, data = d, method = "REML"))
} else if (task == "bcg") {
  d <- read.csv(file)
  res <- rma(measure = "RR", ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = d, method = "REML")
  print(res)
  print(confint(res))
} else if (task == "by") {
  t0 <- proc.time()[["elapsed"]]
  d <- read.csv(file, colClasses = c("character", "character", "numeric", "numeric"))
  groups <- split(d[, c("yi", "vi")], factor(d$analysis, levels = unique(d$analysis)))
  p1 <- proc.time(); t1 <- p1[["elapsed"]]
  n <- max(1L, floor(length(groups) * as.numeric(a[3])))
  out <- vector("list", n)
  for (i in seq_len(n)) {
    g <- groups[[i]]
    out[[i]] <- tryCatch({
      res <- rma(g$yi, g$vi, method = "REML")
      ci <- confint(res)
      c(res$b[1], res$se, res$ci.lb, res$ci.ub, res$tau2, ci$random[1, 2], ci$random[1, 3], res$I2, res$QE)
    }, error = function(e) rep(NA_real_, 9))
  }
  p2 <- proc.time(); t2 <- p2[["elapsed"]]
  cpu <- function(p) p[["user.self"]] + p[["sys.self"]]
  cat(sprintf("R_BY read_s=%.3f loop_s=%.3f loop_cpu_s=%.3f done=%d total=%d\n", t1 - t0, t2 - t1, cpu(p2) - cpu(p1),
              n, length(groups)))
} else {
  stop("unknown task ", task)
}
