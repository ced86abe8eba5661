# Reference values for the analysis layer (org.trialmeta.analysis.EfficacyAnalysis) on the curated
# trials: RAMP-201 primary analysis (KRAS-mutant 25/57, wild-type 9/52, overall 34/109) and FRAME
# (interim May 2021: mutant 7/10, wild-type 4/9; final overall 11/26).
# Run from the repository root:  Rscript src/test/r/analysis.R
# Writes src/test/resources/r/analysis/values.csv (name,value; %.17g).
# Produced with: R version 4.2.2 Patched (2022-11-10 r83330), metafor 3.8.1 (printed below on each run).
suppressPackageStartupMessages(library(metafor))
cat(R.version.string, "\n"); cat("metafor", as.character(packageVersion("metafor")), "\n")

out <- list()
put <- function(name, x) out[[name]] <<- x

# Clopper-Pearson per study
for (s in list(c("ramp_mut", 25, 57), c("ramp_wt", 9, 52), c("ramp_all", 34, 109),
               c("frame_mut", 7, 10), c("frame_wt", 4, 9), c("frame_all", 11, 26))) {
  x <- as.numeric(s[2]); n <- as.numeric(s[3])
  ci <- binom.test(x, n)$conf.int
  put(paste0("cp_", s[1], "_lower"), ci[1]); put(paste0("cp_", s[1], "_upper"), ci[2])
}

# per-study mutant vs wild-type
ai <- c(7, 25); n1i <- c(10, 57); ci <- c(4, 9); n2i <- c(9, 52); lab <- c("frame", "ramp")
for (m in c("OR", "RR", "RD")) {
  es <- escalc(measure = m, ai = ai, n1i = n1i, ci = ci, n2i = n2i)
  for (i in 1:2) {
    y <- es$yi[i]; se <- sqrt(es$vi[i]); z <- qnorm(0.975)
    tr <- if (m == "RD") identity else exp
    put(paste0(lab[i], "_", m), tr(y)); put(paste0(lab[i], "_", m, "_lower"), tr(y - z * se))
    put(paste0(lab[i], "_", m, "_upper"), tr(y + z * se))
  }
  res <- rma(measure = m, ai = ai, n1i = n1i, ci = ci, n2i = n2i, method = "REML")
  tr <- if (m == "RD") identity else exp
  pr <- predict(res, transf = tr)
  put(paste0("pooled_", m), pr$pred); put(paste0("pooled_", m, "_lower"), pr$ci.lb)
  put(paste0("pooled_", m, "_upper"), pr$ci.ub); put(paste0("pooled_", m, "_pi_lower"), pr$pi.lb)
  put(paste0("pooled_", m, "_pi_upper"), pr$pi.ub); put(paste0("pooled_", m, "_pval"), res$pval)
  put(paste0("pooled_", m, "_tau2"), res$tau2); put(paste0("pooled_", m, "_i2"), res$I2)
  put(paste0("pooled_", m, "_q"), res$QE); put(paste0("pooled_", m, "_qp"), res$QEp)
  w <- weights(res); put(paste0("pooled_", m, "_w1"), w[1]); put(paste0("pooled_", m, "_w2"), w[2])
  mh <- rma.mh(measure = m, ai = ai, n1i = n1i, ci = ci, n2i = n2i)
  put(paste0("mh_", m), tr(mh$beta[1])); put(paste0("mh_", m, "_lower"), tr(mh$ci.lb))
  put(paste0("mh_", m, "_upper"), tr(mh$ci.ub)); put(paste0("mh_", m, "_pval"), mh$pval)
}
for (i in 1:2) {
  f <- fisher.test(matrix(c(ai[i], n1i[i] - ai[i], ci[i], n2i[i] - ci[i]), nrow = 2, byrow = TRUE))
  put(paste0(lab[i], "_fisher_p"), f$p.value)
}

# pooled proportions (PLO, REML) per stratum and the subgroup difference test
est <- c(); se <- c()
for (g in list(list("mut", c(25, 7), c(57, 10)), list("wt", c(9, 4), c(52, 9)), list("all", c(34, 11), c(109, 26)))) {
  res <- rma(measure = "PLO", xi = g[[2]], ni = g[[3]], method = "REML")
  pr <- predict(res, transf = transf.ilogit)
  nm <- paste0("plo_", g[[1]])
  put(nm, pr$pred); put(paste0(nm, "_lower"), pr$ci.lb); put(paste0(nm, "_upper"), pr$ci.ub)
  put(paste0(nm, "_pi_lower"), pr$pi.lb); put(paste0(nm, "_pi_upper"), pr$pi.ub)
  put(paste0(nm, "_tau2"), res$tau2); put(paste0(nm, "_i2"), res$I2); put(paste0(nm, "_q"), res$QE)
  w <- weights(res); put(paste0(nm, "_w1"), w[1]); put(paste0(nm, "_w2"), w[2])
  if (g[[1]] != "all") { est <- c(est, res$beta[1]); se <- c(se, res$se) }
}
sg <- rma(yi = est, sei = se, method = "FE")
put("subgroup_q", sg$QE); put("subgroup_p", sg$QEp)

# medians: RAMP-201 PFS mutant 22.0 vs wild-type 12.8; MC38 increase in lifespan vs vehicle (21 days)
put("pfs_diff", 22.0 - 12.8); put("pfs_ratio", 22.0 / 12.8)
for (m in c(25, 28, 42)) put(paste0("ils_", m), (m / 21 - 1) * 100)

dir.create("src/test/resources/r/analysis", recursive = TRUE, showWarnings = FALSE)
writeLines(c("name,value", sprintf("%s,%.17g", names(out), unlist(out))),
           "src/test/resources/r/analysis/values.csv")
