# Reference for `regress` with as many studies as coefficients (k = p): metafor fits a fixed-effects model with a
# z-test (residual heterogeneity on 0 df: QE = 0, p = 1, I^2 0%, H^2 1, R^2 NA) and refuses every tau^2 estimator.
# Run from the repository root:  Rscript src/test/r/saturated.R
# Produced with: R version 4.2.2 Patched (2022-11-10 r83330), metafor 3.8.1 (printed on each run).
# Writes src/test/resources/r/saturated/fits.csv (case,key,value; %.17g; NA as NA).
suppressMessages(library(metafor))
cat(R.version.string, "\n"); cat("metafor", as.character(packageVersion("metafor")), "\n")
out <- "src/test/resources/r/saturated"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
rows <- list()
put <- function(case, key, value) rows[[length(rows) + 1]] <<- data.frame(case = case, key = key,
  value = ifelse(is.na(value), "NA", sprintf("%.17g", value)))
cases <- list(
  two_studies_covariate = list(yi = c(0.1, 0.5), vi = c(0.01, 0.02), x1 = c(1, 2)),
  three_studies_two_covariates = list(yi = c(-0.35, 0.12, 0.48), vi = c(0.04, 0.09, 0.025), x1 = c(13, 44, 33),
                                      x2 = c(1948, 1977, 1990)))
for (name in names(cases)) {
  s <- cases[[name]]
  X <- if (is.null(s$x2)) cbind(x1 = s$x1) else cbind(x1 = s$x1, x2 = s$x2)
  r <- rma(s$yi, s$vi, mods = X, method = "FE")
  put(name, "k", r$k); put(name, "p", r$p)
  for (i in seq_along(s$yi)) { put(name, paste0("yi", i), s$yi[i]); put(name, paste0("vi", i), s$vi[i]) }
  for (j in seq_len(ncol(X))) for (i in seq_along(s$yi)) put(name, paste0("x", j, "_", i), X[i, j])
  for (j in seq_len(r$p)) {
    put(name, paste0("beta", j), r$beta[j]); put(name, paste0("se", j), r$se[j]); put(name, paste0("zval", j), r$zval[j])
    put(name, paste0("pval", j), r$pval[j]); put(name, paste0("ci_lower", j), r$ci.lb[j])
    put(name, paste0("ci_upper", j), r$ci.ub[j])
  }
  put(name, "qm", r$QM); put(name, "qm_pval", r$QMp); put(name, "qe", r$QE); put(name, "qe_pval", r$QEp)
  put(name, "i2", r$I2); put(name, "h2", r$H2); put(name, "r2", r$R2)
  reml <- try(rma(s$yi, s$vi, mods = X, method = "REML"), silent = TRUE)
  put(name, "reml_refused", as.numeric(inherits(reml, "try-error")))
}
write.csv(do.call(rbind, rows), file.path(out, "fits.csv"), row.names = FALSE, quote = FALSE)
