# Reference for `trialmeta pool --method MH|PETO --subgroup`: each subgroup pooled by rma.mh / rma.peto,
# then the test for subgroup differences as a fixed-effect meta-analysis of the subgroup estimates.
# R 4.2.2 Patched (2022-11-10 r83330), metafor 3.8.1. Run: Rscript src/test/r/pool_mh_subgroups.R
library(metafor)
stopifnot(as.character(packageVersion("metafor")) == "3.8.1")
dat <- dat.bcg
out <- "src/test/resources/r/pool/mh_peto_subgroups.csv"
dir.create(dirname(out), recursive = TRUE, showWarnings = FALSE)
rows <- list()
for (method in c("MH", "PETO")) {
  est <- c(); se <- c(); lv <- sort(unique(dat$alloc))
  for (g in lv) {
    d <- dat[dat$alloc == g, ]
    fit <- if (method == "MH") rma.mh(ai = tpos, bi = tneg, ci = cpos, di = cneg, data = d, measure = "OR")
           else rma.peto(ai = tpos, bi = tneg, ci = cpos, di = cneg, data = d)
    est <- c(est, fit$beta[1]); se <- c(se, fit$se)
    rows[[length(rows) + 1]] <- data.frame(method = method, quantity = paste0("estimate_", g), value = sprintf("%.17g", fit$beta[1]))
    rows[[length(rows) + 1]] <- data.frame(method = method, quantity = paste0("se_", g), value = sprintf("%.17g", fit$se))
  }
  qb <- rma(yi = est, sei = se, method = "FE")
  rows[[length(rows) + 1]] <- data.frame(method = method, quantity = "qb", value = sprintf("%.17g", qb$QE))
  rows[[length(rows) + 1]] <- data.frame(method = method, quantity = "qb_pval", value = sprintf("%.17g", qb$QEp))
}
write.csv(do.call(rbind, rows), out, row.names = FALSE)
