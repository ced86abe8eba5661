# Reference values for km's timefix (survival's aeqSurv, the default timefix = TRUE of survfit and survdiff):
# times that differ by floating-point noise are one time, reported as the first (smallest) time of their run.
# Produced with: R version 4.2.2 Patched (2022-11-10 r83330), survival 3.5.3
# (the script prints the versions it ran with; re-run from the repository root:
#   Rscript src/test/r/km_timefix.R)
# Writes the dataset (time,status,group,strata; times with sprintf("%.17g"), so that they read back as the same
# doubles) and the references under src/test/resources/r/km/timefix/, every number with sprintf("%.17g");
# "NA" where R gives NA/NaN.
suppressPackageStartupMessages(library(survival))
cat(R.version.string, "survival", as.character(packageVersion("survival")), "\n")
out <- "src/test/resources/r/km/timefix"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
g17 <- function(x) ifelse(is.na(x) | is.nan(x), "NA", sprintf("%.17g", x))

set.seed(20250)
n <- 60
base <- round(rexp(n, 0.08), 1)
# noise as arithmetic leaves it: a third of the times go through a sum or a product that is not exact
noisy <- ifelse(seq_len(n) %% 3 == 0, base / 3 * 3 + base * 1e-13, ifelse(seq_len(n) %% 3 == 1, base * (1 + 1e-12), base))
d <- data.frame(
  time = c(noisy,
           0.1 + 0.2, 0.3, 0.3, 0.7, 0.7000000000000001, 0.7,      # 0.30000000000000004 vs 0.3, ...
           5, 5 + 1e-9, 5 + 2e-9, 5 + 3e-9,                         # a run of ties (absolute rule)
           120, 120 + 1e-6, 120 + 1e-3),                            # tied relative to mean |time|; the last one not
  status = c(rbinom(n, 1, 0.7), 1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 0),
  group = c(sample(c("A", "B", "C"), n, TRUE), "A", "B", "A", "B", "A", "C", "A", "B", "C", "A", "B", "A", "C"),
  strata = c(sample(c("s1", "s2"), n, TRUE), rep(c("s1", "s2"), length.out = 13)))
stopifnot(any(duplicated(aeqSurv(Surv(d$time, d$status))[, 1]) & !duplicated(d$time)))
writeLines(c("time,status,group,strata", paste(g17(d$time), d$status, d$group, d$strata, sep = ",")),
           file.path(out, "data.csv"))

# curves: one of all patients and one per group, with the merged times survfit reports
curves <- c(); summ <- c()
f1 <- survfit(Surv(time, status) ~ 1, data = d)
fg <- survfit(Surv(time, status) ~ group, data = d)
add <- function(label, f) {
  curves <<- c(curves, paste(label, g17(f$time), f$n.risk, f$n.event, f$n.censor, g17(f$surv), g17(f$std.err * f$surv),
                             sep = ","))
}
add("all", f1)
st <- rep(sub("^group=", "", names(fg$strata)), fg$strata)
for (g in unique(st)) add(g, fg[paste0("group=", g)])
t1 <- summary(f1)$table
summ <- c(summ, paste("all", g17(t1[["median"]]), g17(t1[["0.95LCL"]]), g17(t1[["0.95UCL"]]), g17(t1[["rmean"]]),
                      g17(t1[["se(rmean)"]]), sep = ","))
tg <- summary(fg, rmean = "common")$table
for (i in seq_len(nrow(tg))) {
  summ <- c(summ, paste(sub("^group=", "", rownames(tg)[i]), g17(tg[i, "median"]), g17(tg[i, "0.95LCL"]),
                        g17(tg[i, "0.95UCL"]), g17(tg[i, "rmean"]), g17(tg[i, "se(rmean)"]), sep = ","))
}
lr <- c()
for (rho in c(0, 1)) for (strat in c(FALSE, TRUE)) {
  sd <- if (strat) survdiff(Surv(time, status) ~ group + strata(strata), data = d, rho = rho)
        else survdiff(Surv(time, status) ~ group, data = d, rho = rho)
  o <- if (is.matrix(sd$obs)) rowSums(sd$obs) else sd$obs
  e <- if (is.matrix(sd$exp)) rowSums(sd$exp) else sd$exp
  df <- sum(e > 0) - 1
  lr <- c(lr, paste(as.integer(strat), g17(rho), g17(sd$chisq), df, g17(pchisq(sd$chisq, df, lower.tail = FALSE)),
                    paste(g17(o), collapse = ";"), paste(g17(e), collapse = ";"), sep = ","))
}
writeLines(c("group,time,n_risk,n_event,n_censor,surv,std_err", curves), file.path(out, "curves.csv"))
writeLines(c("group,median,lower,upper,rmean,se_rmean", summ), file.path(out, "summary.csv"))
writeLines(c("stratified,rho,chisq,df,pval,observed,expected", lr), file.path(out, "logrank.csv"))
