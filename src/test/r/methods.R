# Reference values for the bias, regress and sensitivity commands (issue 17 items 4-6):
# regtest, ranktest (and cor.test's Kendall distribution), trimfill, fsn, rma with mods, permutest,
# leave1out, influence and cumul.
#
# Run from the repository root:  Rscript src/test/r/methods.R
# Writes JSON files to src/test/resources/r/methods/ (numbers as %.17g, NA as null); every file records
# R.version.string and packageVersion("metafor") under "versions". Committed outputs: R 4.2.2, metafor 3.8.1.
#
# Iterative estimators use a tight control (threshold 1e-13, maxiter 10000, uniroot tol 1e-13), so the values are
# the converged estimators; the Java tests compare with them at 1e-6 relative (1e-8 for closed forms). trimfill,
# regtest, leave1out, influence and cumul pass the model's control on to their refits.
#
# Factor levels are sorted with method = "radix" (C-locale byte order), the order trialmeta uses.
suppressMessages(library(metafor))

versions <- list(R = R.version.string, metafor = as.character(packageVersion("metafor")))
out.dir <- "src/test/resources/r/methods"
dir.create(out.dir, recursive = TRUE, showWarnings = FALSE)

# ---- minimal deterministic JSON writer -----------------------------------------------------------------
num <- function(x) if (length(x) == 0 || is.null(x) || is.na(x) || !is.finite(x)) "null" else sprintf("%.17g", x)
js <- function(x) {
  if (is.null(x)) return("null")
  if (is.list(x)) {
    if (!is.null(names(x)) && all(names(x) != "")) {
      parts <- vapply(names(x), function(n) paste0('"', n, '":', js(x[[n]])), "")
      return(paste0("{", paste(parts, collapse = ","), "}"))
    }
    return(paste0("[", paste(vapply(x, js, ""), collapse = ","), "]"))
  }
  if (is.character(x) || is.factor(x)) {
    s <- paste0('"', gsub('"', '\\\\"', as.character(x)), '"')
    if (inherits(x, "AsIs") || length(x) != 1) return(paste0("[", paste(s, collapse = ","), "]"))
    return(s)
  }
  if (is.logical(x) && !inherits(x, "AsIs") && length(x) == 1) return(if (is.na(x)) "null" else tolower(as.character(x)))
  if (is.logical(x)) return(paste0("[", paste(ifelse(is.na(x), "null", tolower(as.character(x))), collapse = ","), "]"))
  if (length(x) == 1 && !inherits(x, "AsIs")) return(num(x))
  paste0("[", paste(vapply(as.numeric(x), num, ""), collapse = ","), "]")
}
vec <- function(x) I(as.numeric(x))
txt <- function(x) I(as.character(x))
write.json <- function(obj, name) {
  writeLines(js(c(list(versions = versions), obj)), file.path(out.dir, paste0(name, ".json")))
  cat("wrote", name, "\n")
}

tight <- list(threshold = 1e-13, maxiter = 10000, tol = 1e-13)
methods <- c("FE", "DL", "HE", "HS", "HSk", "SJ", "ML", "REML", "EB", "PM")
fit <- function(yi, vi, method, test = "z", mods = NULL, data = NULL) {
  if (is.null(mods)) {
    suppressWarnings(rma(yi, vi, method = method, test = test, control = tight))
  } else {
    d <- data; d$yi <- yi; d$vi <- vi
    suppressWarnings(rma(yi, vi, mods = mods, data = d, method = method, test = test, control = tight))
  }
}
radix.factor <- function(x) factor(x, levels = sort(unique(x), method = "radix"))

# ---- datasets -------------------------------------------------------------------------------------------
bcg <- dat.bcg
bcg$alloc <- radix.factor(as.character(bcg$alloc))
bcg.es <- escalc("RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = bcg)
bcg.data <- list(study = txt(bcg$author), ai = vec(bcg$tpos), n1i = vec(bcg$tpos + bcg$tneg),
                 ci = vec(bcg$cpos), n2i = vec(bcg$cpos + bcg$cneg), ablat = vec(bcg$ablat), year = vec(bcg$year),
                 alloc = txt(bcg$alloc))

hack <- dat.hackshaw1998
molloy <- escalc("ZCOR", ri = ri, ni = ni, data = dat.molloy2014)
molloy$design <- radix.factor(as.character(molloy$design))
molloy$controls <- radix.factor(as.character(molloy$controls))
bangert <- dat.bangertdrowns2004

# bcg with study 6 twice: ties in vi and in the standardised deviates (ranktest's normal approximation)
bcg.tie <- rbind(bcg.es, bcg.es[6, ])

bias.sets <- list(
  bcg_RR = list(yi = bcg.es$yi, vi = bcg.es$vi, study = bcg$author, measure = "RR", data = bcg.data),
  hackshaw1998 = list(yi = hack$yi, vi = hack$vi, study = paste(hack$author, hack$year), measure = "GEN"),
  molloy2014_ZCOR = list(yi = molloy$yi, vi = molloy$vi, study = paste(molloy$authors, molloy$year), measure = "GEN"),
  bcg_ties = list(yi = bcg.tie$yi, vi = bcg.tie$vi, study = c(bcg$author, "Stein & Aronson (copy)"), measure = "GEN"))

# ---- bias: regtest, ranktest, trimfill, fsn ----------------------------------------------------------------
for (name in names(bias.sets)) {
  s <- bias.sets[[name]]
  fits <- list()
  for (m in methods) {
    res <- fit(s$yi, s$vi, m)
    rt <- regtest(res, model = "rma", predictor = "sei")
    rk <- suppressWarnings(ranktest(res))
    tf <- trimfill(res, control = tight)
    fs <- fsn(s$yi, s$vi)
    k0 <- tf$k0
    fits[[length(fits) + 1]] <- list(
      method = m,
      estimate = c(res$beta),
      regtest = list(z = rt$zval, pval = rt$pval, limit_estimate = c(rt$est), limit_ci_lower = rt$ci.lb,
                     limit_ci_upper = rt$ci.ub),
      ranktest = list(tau = c(rk$tau), pval = rk$pval),
      trimfill = list(k0 = k0, side = tf$side, estimate = c(tf$beta), se = tf$se, ci_lower = tf$ci.lb,
                      ci_upper = tf$ci.ub, tau2 = tf$tau2,
                      filled_yi = vec(if (k0 > 0) tail(tf$yi, k0) else numeric(0)),
                      filled_vi = vec(if (k0 > 0) tail(tf$vi, k0) else numeric(0))),
      fsn = list(n = fs$fsnum, pval = fs$pval))
  }
  write.json(list(dataset = name, measure = s$measure, study = txt(s$study), yi = vec(s$yi), vi = vec(s$vi),
                  data = s$data, fits = fits), paste0("bias_", name))
}

# ---- Kendall: R's exact null distribution (pkendall) and cor.test ------------------------------------------
pk <- list()
for (n in c(3, 5, 10, 13, 30, 37, 60, 100, 150)) {
  N <- n * (n - 1) / 2
  for (q in unique(round(c(0, 1, N / 10, N / 4, N / 3, N / 2 - 1, floor(N / 2))))) {
    pk[[length(pk) + 1]] <- list(n = n, q = q, p = .Call(stats:::C_pKendall, q, n))
  }
}
set.seed(17)
ct <- list()
for (n in c(5, 13, 40, 120)) {
  x <- rnorm(n); y <- x + rnorm(n) * 2
  r <- cor.test(x, y, method = "kendall", exact = TRUE)
  ct[[length(ct) + 1]] <- list(x = vec(x), y = vec(y), tau = c(r$estimate), pval = r$p.value, exact = TRUE)
  xt <- round(x, 0); yt <- round(y, 0)   # ties in both
  r <- suppressWarnings(cor.test(xt, yt, method = "kendall", exact = TRUE))
  ct[[length(ct) + 1]] <- list(x = vec(xt), y = vec(yt), tau = c(r$estimate), pval = r$p.value, exact = FALSE)
}
write.json(list(pkendall = pk, cor_test = ct), "kendall")

# ---- meta-regression --------------------------------------------------------------------------------------
reg.sets <- list(
  list(name = "bcg_ablat", yi = bcg.es$yi, vi = bcg.es$vi, data = bcg, mods = ~ ablat, cols = c("ablat")),
  list(name = "bcg_ablat_year", yi = bcg.es$yi, vi = bcg.es$vi, data = bcg, mods = ~ ablat + year,
       cols = c("ablat", "year")),
  list(name = "bcg_alloc", yi = bcg.es$yi, vi = bcg.es$vi, data = bcg, mods = ~ alloc, cols = c("alloc")),
  list(name = "bcg_ablat_alloc", yi = bcg.es$yi, vi = bcg.es$vi, data = bcg, mods = ~ ablat + alloc,
       cols = c("ablat", "alloc")),
  list(name = "molloy2014_meanage_design_controls", yi = molloy$yi, vi = molloy$vi, data = molloy,
       mods = ~ meanage + design + controls, cols = c("meanage", "design", "controls")),
  list(name = "bangertdrowns2004_year_grade_imag", yi = bangert$yi, vi = bangert$vi, data = bangert,
       mods = ~ year + grade + imag, cols = c("year", "grade", "imag")))
for (s in reg.sets) {
  fits <- list()
  for (m in methods) for (t in c("z", "knha")) {
    res <- try(fit(s$yi, s$vi, m, t, s$mods, s$data), silent = TRUE)
    if (inherits(res, "try-error")) {
      fits[[length(fits) + 1]] <- list(method = m, test = t, error = as.character(res))
      next
    }
    fits[[length(fits) + 1]] <- list(
      method = m, test = t, names = txt(rownames(res$beta)), beta = vec(res$beta), se = vec(res$se),
      zval = vec(res$zval), pval = vec(res$pval), ci_lower = vec(res$ci.lb), ci_upper = vec(res$ci.ub),
      qm = res$QM, qm_df1 = res$QMdf[1], qm_df2 = res$QMdf[2], qm_pval = res$QMp, qe = res$QE,
      qe_df = res$k - res$p, qe_pval = res$QEp, tau2 = res$tau2, tau2_se = res$se.tau2, i2 = res$I2, h2 = res$H2,
      r2 = if (is.null(res$R2)) NA else res$R2)
  }
  mods <- lapply(s$cols, function(c) if (is.factor(s$data[[c]])) txt(s$data[[c]]) else vec(s$data[[c]]))
  names(mods) <- s$cols
  write.json(list(dataset = s$name, formula = paste(deparse(s$mods), collapse = ""), yi = vec(s$yi), vi = vec(s$vi),
                  mods = mods, fits = fits), paste0("regress_", s$name))
}

# ---- permutation tests ------------------------------------------------------------------------------------
# alloc: 13!/(2! 7! 4!) = 25740 distinct permutations, so iter = 30000 gives metafor's exact test.
# ablat: approximate test with many iterations (the Java test checks Monte-Carlo agreement).
perm <- list()
res <- fit(bcg.es$yi, bcg.es$vi, "REML", "z", ~ alloc, bcg)
p <- permutest(res, iter = 30000, progbar = FALSE)
perm[[1]] <- list(name = "bcg_alloc", method = "REML", test = "z", exact = p$exact.iter <= 30000,
                  exact_iter = p$exact.iter, iter = 30000, pval = vec(p$pval), qm_pval = p$QMp)
res <- fit(bcg.es$yi, bcg.es$vi, "DL", "knha", ~ ablat, bcg)
p <- permutest(res, iter = 20000, progbar = FALSE, seed = 1234)
perm[[2]] <- list(name = "bcg_ablat", method = "DL", test = "knha", exact = FALSE, exact_iter = p$exact.iter,
                  iter = 20000, pval = vec(p$pval), qm_pval = p$QMp)
write.json(list(yi = vec(bcg.es$yi), vi = vec(bcg.es$vi), ablat = vec(bcg$ablat), alloc = txt(bcg$alloc),
                tests = perm), "permutest")

# ---- sensitivity: leave1out, influence, cumul -----------------------------------------------------------
sens.sets <- bias.sets[c("bcg_RR", "hackshaw1998")]
for (name in names(sens.sets)) {
  s <- sens.sets[[name]]
  fits <- list()
  for (m in methods) for (t in c("z", "knha")) {
    res <- fit(s$yi, s$vi, m, t)
    l <- leave1out(res)
    inf <- influence(res)
    cu <- cumul(res)
    na.tau2 <- function(x) if (is.null(x)) rep(NA, res$k) else x
    fits[[length(fits) + 1]] <- list(
      method = m, test = t,
      leave1out = list(estimate = vec(l$estimate), se = vec(l$se), ci_lower = vec(l$ci.lb), ci_upper = vec(l$ci.ub),
                       tau2 = vec(na.tau2(l$tau2)), i2 = vec(l$I2), q = vec(l$Q)),
      influence = list(rstudent = vec(inf$inf$rstudent), dffits = vec(inf$inf$dffits), cook_d = vec(inf$inf$cook.d),
                       cov_r = vec(inf$inf$cov.r), tau2_del = vec(inf$inf$tau2.del), q_del = vec(inf$inf$QE.del),
                       hat = vec(inf$inf$hat), weight = vec(inf$inf$weight), dfbetas = vec(inf$dfbs$intrcpt),
                       inf = I(inf$is.infl)),
      cumul = list(estimate = vec(cu$estimate), se = vec(cu$se), ci_lower = vec(cu$ci.lb), ci_upper = vec(cu$ci.ub),
                   tau2 = vec(na.tau2(cu$tau2)), i2 = vec(cu$I2), q = vec(cu$Q)))
  }
  write.json(list(dataset = name, measure = s$measure, study = txt(s$study), yi = vec(s$yi), vi = vec(s$vi),
                  data = s$data, fits = fits), paste0("sensitivity_", name))
}
