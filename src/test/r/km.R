# Reference values for Kaplan-Meier, quantiles, RMST and the G-rho log-rank family.
# Produced with: R version 4.2.2 Patched (2022-11-10 r83330), survival 3.5.3
# (the script prints the versions it ran with; re-run from the repository root:
#   Rscript src/test/r/km.R)
# Writes the datasets as CSV (time,status,group,strata; status 1 = event, 0 = censored) under
# src/test/resources/r/km/data/ and the reference values under src/test/resources/r/km/,
# every number with sprintf("%.17g"); "NA" where R gives NA/NaN.
suppressPackageStartupMessages(library(survival))
cat(R.version.string, "survival", as.character(packageVersion("survival")), "\n")
out <- "src/test/resources/r/km"
dir.create(file.path(out, "data"), recursive = TRUE, showWarnings = FALSE)
g17 <- function(x) ifelse(is.na(x) | is.nan(x), "NA", sprintf("%.17g", x))

set.seed(20121)
n_heavy <- 60
heavy <- data.frame(time = round(rexp(n_heavy, 0.05), 1), status = rbinom(n_heavy, 1, 0.15),
                    group = sample(c("a", "b"), n_heavy, TRUE), strata = sample(c("s1", "s2"), n_heavy, TRUE))
ties <- data.frame(time = c(1, 1, 1, 2, 2, 2, 2, 3, 3, 5, 5, 5, 5, 5, 8, 8, 9, 9, 9, 12),
                   status = c(1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 1, 0),
                   group = rep(c("x", "y"), 10), strata = rep(c("u", "u", "v", "v"), 5))
noevents <- data.frame(time = c(2, 3, 3, 5, 7, 4, 6, 6, 9, 10, 11, 1.5),
                       status = c(1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 1),
                       group = c(rep("events", 5), rep("noevents", 6), "events"), strata = "all")
# S(t) hits exactly 0.5 on a flat segment (median averaging rule) and a curve that ends flat at 0.5
# (print(survfit) and quantile(survfit) differ there)
half <- data.frame(time = c(1, 2, 3, 4, 5, 6, 1, 2, 3, 4), status = c(1, 1, 1, 1, 1, 1, 1, 1, 0, 0),
                   group = c(rep("A", 6), rep("B", 4)), strata = "all")
# group C is censored before the first event: expected = 0, survdiff drops it from the test
zeroexp <- data.frame(time = c(3, 4, 5, 6, 7, 3.5, 5, 6.5, 8, 1, 2),
                      status = c(1, 1, 0, 1, 1, 1, 0, 1, 0, 0, 0),
                      group = c("A", "A", "A", "A", "A", "B", "B", "B", "B", "C", "C"), strata = "all")
single <- data.frame(time = 4, status = 1, group = "one", strata = "all")
singlecens <- data.frame(time = 4, status = 0, group = "one", strata = "all")

datasets <- list(
  lung = with(lung, data.frame(time = time, status = status - 1, group = sex,
                               strata = ifelse(age >= 65, "old", "young"))),
  aml = with(aml, data.frame(time = time, status = status, group = as.character(x), strata = "all")),
  ovarian = with(ovarian, data.frame(time = futime, status = fustat, group = rx, strata = resid.ds)),
  veteran = with(veteran, data.frame(time = time, status = status, group = trt, strata = as.character(celltype))),
  veteran4 = with(veteran, data.frame(time = time, status = status, group = as.character(celltype), strata = trt)),
  heavy = heavy, ties = ties, half = half, zeroexp = zeroexp, noevents = noevents, single = single, singlecens = singlecens)

curves <- c(); quants <- c(); meds <- c(); rmeans <- c(); lr <- c()
probs <- c(0.1, 0.25, 0.5, 0.75, 0.9)
for (name in names(datasets)) {
  d <- datasets[[name]]
  write.csv(d, file.path(out, "data", paste0(name, ".csv")), row.names = FALSE, quote = FALSE)
  groups <- c("ALL", sort(unique(as.character(d$group))))
  for (g in groups) {
    dd <- if (g == "ALL") d else d[as.character(d$group) == g, ]
    for (ct in c("log", "log-log", "plain")) for (lev in c(0.95, 0.90)) {
      f <- survfit(Surv(time, status) ~ 1, data = dd, conf.type = ct, conf.int = lev)
      se_s <- f$std.err * f$surv
      curves <- c(curves, paste(name, g, ct, g17(lev), g17(f$time), g17(f$n.risk), g17(f$n.event),
                                g17(f$n.censor), g17(f$surv), g17(f$std.err), g17(se_s),
                                g17(f$lower), g17(f$upper), sep = ","))
      q <- quantile(f, probs = probs)
      quants <- c(quants, paste(name, g, ct, g17(lev), g17(probs), g17(q$quantile), g17(q$lower),
                                g17(q$upper), sep = ","))
      tab <- summary(f)$table
      meds <- c(meds, paste(name, g, ct, g17(lev), g17(tab[["median"]]),
                            g17(tab[[paste0(lev, "LCL")]]), g17(tab[[paste0(lev, "UCL")]]), sep = ","))
    }
    f <- survfit(Surv(time, status) ~ 1, data = dd)
    taus <- unique(c(max(d$time), 0.5 * max(d$time), max(dd$time)))
    for (tau in taus[taus >= min(dd$time)]) {
      tab <- summary(f, rmean = tau)$table
      rmeans <- c(rmeans, paste(name, g, g17(tau), g17(tab[["rmean"]]), g17(tab[["se(rmean)"]]), sep = ","))
    }
  }
  if (length(unique(d$group)) > 1) {
    for (rho in c(0, 1, 0.5)) for (strat in c(FALSE, TRUE)) {
      if (strat && length(unique(d$strata)) < 2) next
      sd <- if (strat) survdiff(Surv(time, status) ~ group + strata(strata), data = d, rho = rho)
            else survdiff(Surv(time, status) ~ group, data = d, rho = rho)
      o <- if (is.matrix(sd$obs)) rowSums(sd$obs) else sd$obs
      e <- if (is.matrix(sd$exp)) rowSums(sd$exp) else sd$exp
      df <- sum(e > 0) - 1
      lr <- c(lr, paste(name, as.integer(strat), g17(rho), g17(sd$chisq), df,
                        g17(pchisq(sd$chisq, df, lower.tail = FALSE)),
                        paste(g17(o), collapse = ";"), paste(g17(e), collapse = ";"),
                        paste(g17(as.vector(sd$var)), collapse = ";"), sep = ","))
    }
  }
}
# "common" restricted mean of survfit(~ group): upper limit = largest last time over the groups
common <- c()
for (name in names(datasets)) {
  d <- datasets[[name]]
  if (length(unique(d$group)) < 2) next
  f <- survfit(Surv(time, status) ~ group, data = d)
  s <- summary(f, rmean = "common")
  tab <- s$table
  for (i in seq_len(nrow(tab))) {
    common <- c(common, paste(name, sub("^group=", "", rownames(tab)[i]), g17(tab[i, "rmean"]),
                              g17(tab[i, "se(rmean)"]), sep = ","))
  }
}
writeLines(c("dataset,group,conftype,level,time,n_risk,n_event,n_censor,surv,std_err_chaz,std_err,lower,upper", curves),
           file.path(out, "curves.csv"))
writeLines(c("dataset,group,conftype,level,prob,quantile,lower,upper", quants), file.path(out, "quantiles.csv"))
writeLines(c("dataset,group,conftype,level,median,lower,upper", meds), file.path(out, "medians.csv"))
writeLines(c("dataset,group,tau,rmean,se", rmeans), file.path(out, "rmean.csv"))
writeLines(c("dataset,group,rmean,se", common), file.path(out, "rmean_common.csv"))
writeLines(c("dataset,stratified,rho,chisq,df,pval,observed,expected,variance", lr), file.path(out, "logrank.csv"))
