# Reference for `regress` with redundant moderators: which columns metafor drops ("Redundant predictors dropped from
# the model", i.e. the NA coefficients of lm(yi ~ X - 1)) and the fit of what is left.
# Run from the repository root:  Rscript src/test/r/redundant.R
# Produced with: R version 4.2.2 Patched (2022-11-10 r83330), metafor 3.8.1 (printed on each run).
# Writes src/test/resources/r/redundant/designs.csv (case,k,p,x: the model matrix row by row; dropped: 1-based columns)
# and src/test/resources/r/redundant/fits.csv (case,key,value; %.17g).
suppressMessages(library(metafor))
cat(R.version.string, "\n"); cat("metafor", as.character(packageVersion("metafor")), "\n")
out <- "src/test/resources/r/redundant"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
set.seed(20261206)
designs <- list()
add <- function(name, X) {
  yi <- rnorm(nrow(X))
  na <- which(is.na(coef(lm(yi ~ X - 1))))
  designs[[length(designs) + 1]] <<- data.frame(case = name, k = nrow(X), p = ncol(X),
    x = paste(sprintf("%.17g", t(X)), collapse = " "), dropped = paste(na, collapse = " "))
}
k <- 8
x1 <- round(rnorm(k), 3); x2 <- round(runif(k, 0, 10), 2)
g <- c(1, 1, 0, 0, 1, 0, 1, 0)
add("full_rank", cbind(1, x1, x2))
add("linear_combination", cbind(1, x1, 2 * x1 + 1))
add("constant", cbind(1, rep(3, k)))
add("constant_then_covariate", cbind(1, rep(3, k), x1))
add("duplicate_column_first_kept", cbind(1, x2, x1, x2))
add("factor_complement", cbind(1, g, 1 - g, x1))
add("near_below_tolerance", cbind(1, x1, x1 + 1e-9 * x2))
add("near_above_tolerance", cbind(1, x1, x1 + 1e-5 * x2))
add("more_columns_than_studies", cbind(1, x1[1:3], x2[1:3], (x1 * x2)[1:3]))
add("zero_column", cbind(1, rep(0, k), x1))
add("scaled_large", cbind(1, 1e6 * x1, x2, 1e6 * x1 - 3 * x2))
write.csv(do.call(rbind, designs), file.path(out, "designs.csv"), row.names = FALSE, quote = TRUE)
cat("wrote", file.path(out, "designs.csv"), "\n")

# Fits after dropping (REML and FE, z and knha), from a fixed data set
yi <- c(0.0774, 0.4132, -0.2119, 0.8741, 0.3318, 0.6206, -0.0413, 0.5117)
vi <- c(0.22108, 0.1012, 0.3311, 0.0899, 0.2016, 0.1478, 0.2534, 0.0711)
x1 <- c(-0.482, 0.311, -1.204, 1.027, 0.118, 0.733, -0.651, 0.442)
x3 <- 2 * x1 + 1
tight <- list(threshold = 1e-13, maxiter = 10000, tol = 1e-13)
rows <- list()
for (m in c("REML", "FE", "DL")) for (tst in c("z", "knha")) {
  res <- suppressWarnings(rma(yi, vi, mods = ~ x1 + x3, method = m, test = tst, control = tight))
  case <- paste0(tolower(m), "_", tst)
  vals <- c(b0 = res$beta[1], b1 = res$beta[2], se0 = res$se[1], se1 = res$se[2], qm = res$QM, qmp = res$QMp,
            qe = res$QE, tau2 = res$tau2, p = res$p)
  for (key in names(vals)) rows[[length(rows) + 1]] <- data.frame(case = case, key = key, value = sprintf("%.17g", vals[[key]]))
}
write.csv(do.call(rbind, rows), file.path(out, "fits.csv"), row.names = FALSE, quote = FALSE)
cat("wrote", file.path(out, "fits.csv"), "\n")
