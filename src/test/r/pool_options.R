# Reference values for `pool --add/--to/--drop00` (escalc's zero-cell options feeding rma).
# Run from the repository root:  Rscript src/test/r/pool_options.R
# Produced with: R version 4.2.2 Patched (2022-11-10 r83330), metafor 3.8.1 (printed on each run).
# Writes src/test/resources/r/pool_options/values.csv (case,key,value; %.17g).
suppressMessages(library(metafor))
cat(R.version.string, "\n"); cat("metafor", as.character(packageVersion("metafor")), "\n")
n <- dat.nielweise2007
tight <- list(threshold = 1e-13, maxiter = 10000, tol = 1e-13)
rows <- list()
put <- function(case, res) {
  for (k in c("estimate", "se", "ci_lower", "ci_upper", "tau2", "k")) {
    v <- switch(k, estimate = c(res$beta), se = res$se, ci_lower = res$ci.lb, ci_upper = res$ci.ub, tau2 = res$tau2, k = res$k)
    rows[[length(rows) + 1]] <<- data.frame(case = case, key = k, value = sprintf("%.17g", v))
  }
  w <- weights(res)
  for (i in seq_along(w)) rows[[length(rows) + 1]] <<- data.frame(case = case, key = paste0("weight", i), value = sprintf("%.17g", w[i]))
}
cases <- list(
  list(name = "or_add0.5_all_reml", ms = "OR", add = 0.5, to = "all", drop00 = FALSE, method = "REML"),
  list(name = "rr_drop00_dl", ms = "RR", add = 0.5, to = "only0", drop00 = TRUE, method = "DL"),
  list(name = "or_add0.1_if0all_fe", ms = "OR", add = 0.1, to = "if0all", drop00 = FALSE, method = "FE"))
for (c in cases) {
  es <- escalc(c$ms, ai = n$ai, n1i = n$n1i, ci = n$ci, n2i = n$n2i, add = c$add, to = c$to, drop00 = c$drop00)
  res <- rma(yi, vi, data = es, method = c$method, control = tight)
  put(c$name, res)
}
out <- "src/test/resources/r/pool_options"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
write.csv(do.call(rbind, rows), file.path(out, "values.csv"), row.names = FALSE, quote = FALSE)
cat("wrote", file.path(out, "values.csv"), "\n")

# Per-study CIs on the natural scale (pool's studies[].transformed): summary(escalc(...), transf =)
b <- dat.bcg
es <- summary(escalc("OR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = b), transf = exp)
p <- dat.pritz1997
ep0 <- summary(escalc("PFT", xi = xi, ni = ni, data = p))
ep <- data.frame(yi = transf.ipft(ep0$yi, p$ni), ci.lb = transf.ipft(ep0$ci.lb, p$ni), ci.ub = transf.ipft(ep0$ci.ub, p$ni))
st <- rbind(data.frame(case = "bcg_or", i = seq_len(nrow(es)), estimate = es$yi, ci_lower = es$ci.lb, ci_upper = es$ci.ub),
            data.frame(case = "pritz_pft", i = seq_len(nrow(ep)), estimate = ep$yi, ci_lower = ep$ci.lb, ci_upper = ep$ci.ub))
for (k in c("estimate", "ci_lower", "ci_upper")) st[[k]] <- sprintf("%.17g", st[[k]])
write.csv(st, file.path(out, "study_transformed.csv"), row.names = FALSE, quote = FALSE)
cat("wrote", file.path(out, "study_transformed.csv"), "\n")
