# Reference values for org.trialmeta.stats.meta.OddsRatioGlmm (GLMM for odds ratios, metafor's model = "UM.FS").
#
# Run from the repository root:  Rscript src/test/r/glmm_or.R
# Writes one JSON file per dataset to src/test/resources/r/glmm_or/ (numbers as %.17g) and versions.txt.
# Last generated with: R version 4.2.2 Patched (2022-11-10 r83330), metafor 3.8.1, lme4 1.1.31
# (Debian bookworm packages; also written to versions.txt and into every file).
#
# The model (rma.glmm(measure = "OR", ai, n1i, ci, n2i), default model = "UM.FS", coding = 1/2, nAGQ = 7):
#   glmer(cbind(x, n - x) ~ -1 + X.fit + study + (group - 1 | study), family = binomial, nAGQ = 7)
# on the 2k arms (treatment, control of each study): X.fit = 1 in the treatment arm (the pooled log OR theta),
# study = k fixed study intercepts alpha_i, group = +1/2 (treatment), -1/2 (control) carrying the random effect
# b_i = tau * u_i, u_i ~ N(0, 1). One scalar random effect per study, so lme4 does use 7-point adaptive
# Gauss-Hermite quadrature (not Laplace): its nAGQ > 1 restriction concerns model = "UM.RS" only. Studies with
# no events (or only events) in both arms are dropped first (drop00 = TRUE).
#
# For every dataset three things are stored:
#   * "metafor": rma.glmm(...) exactly as a user runs it (lme4's default optimizers: bobyqa, then Nelder-Mead over
#     the k + 2 parameters (theta = tau, beta = (theta, alpha_1..k)) with FtolAbs = 1e-5 on the deviance) and
#     predict(res, transf = exp). Nelder-Mead in k + 2 dimensions often stops short (nielweise2007: lme4 warns
#     "failed to converge with max|grad| = 0.0089"), so these are not the maximum.
#   * "converged": the maximum of the *same* objective -- lme4's own deviance function
#     glmer(..., nAGQ = 7, devFunOnly = TRUE) of (theta, beta) -- polished by Newton steps (Richardson-
#     extrapolated central differences, steps 2e-3 and 1e-3) until the step is below 1e-10; the SE is
#     sqrt(2 * solve(H)[2, 2]) with H the Hessian of the deviance in all k + 2 parameters (what lme4's vcov
#     computes; Richardson at the step that differences stably, see polish()), and lme4's own SE at that
#     point (lme4:::deriv12, step 1e-4).
#     z, p, CI, PI, I^2, H^2 and the odds ratios are recomputed from these with metafor's formulas
#     (vt from res$vt). The PIRLS tolerance is 1e-12 instead of 1e-7 (the same objective, smooth to ~1e-12).
#   * "probes": lme4's deviance at a few full parameter points (tau, theta, alpha), as log-likelihoods
#     loglik = ll_sat - deviance / 2, ll_sat = sum over arms of dbinom(x, n, x/n, log = TRUE).
# What R does where the Java fit reports "not estimable" goes to not_estimable.json.
suppressMessages({library(metafor); library(lme4)})

versions <- list(R = R.version.string, metafor = as.character(packageVersion("metafor")),
                 lme4 = as.character(packageVersion("lme4")))
out.dir <- "src/test/resources/r/glmm_or"
dir.create(out.dir, recursive = TRUE, showWarnings = FALSE)
writeLines(unlist(versions), file.path(out.dir, "versions.txt"))

# ---- minimal deterministic JSON writer with full-precision doubles -------------------------------
num <- function(x) {
  if (length(x) == 0 || is.null(x)) return("null")
  if (is.na(x) || !is.finite(x)) return("null")
  sprintf("%.17g", x)
}
js <- function(x) {
  if (is.null(x)) return("null")
  if (is.list(x)) {
    if (!is.null(names(x)) && all(names(x) != "")) {
      parts <- vapply(names(x), function(n) paste0('"', n, '":', js(x[[n]])), "")
      return(paste0("{", paste(parts, collapse = ","), "}"))
    }
    return(paste0("[", paste(vapply(x, js, ""), collapse = ","), "]"))
  }
  if (is.character(x)) {
    s <- paste0('"', gsub('"', '\\\\"', x), '"')
    if (inherits(x, "AsIs") || length(x) != 1) return(paste0("[", paste(s, collapse = ","), "]"))
    return(s)
  }
  if (is.logical(x) && length(x) == 1 && !inherits(x, "AsIs")) return(if (is.na(x)) "null" else tolower(as.character(x)))
  if (length(x) == 1 && !inherits(x, "AsIs")) return(num(x))
  paste0("[", paste(vapply(as.numeric(x), num, ""), collapse = ","), "]")
}
vec <- function(x) I(as.numeric(x))

# ---- lme4's objective for the model rma.glmm fits ----------------------------------------------------
devfun <- function(ai, n1i, ci, n2i) {
  d <- rma.glmm(measure = "OR", ai = ai, n1i = n1i, ci = ci, n2i = n2i, retdat = TRUE)
  dat.grp <- d$dat.grp; X.fit <- d$X.fit; study <- d$study; group <- d$group
  dd <- suppressMessages(glmer(dat.grp ~ -1 + X.fit + study + (group - 1 | study), family = binomial, nAGQ = 7,
                               devFunOnly = TRUE))
  # the PIRLS tolerance of the returned function only (set at creation it would also apply to lme4's nAGQ = 0
  # start, which cannot reach 1e-12 on bcg: "PIRLS step-halvings failed")
  # At a few points of bcg (arms of 88,000) PIRLS cannot reach 1e-12 ("did not converge in (maxit) iterations");
  # there 1e-10 is used (on bcg both give the same deviance to 1e-14 where both converge).
  env <- environment(dd)
  function(p) {
    env$tolPwrss <- 1e-12
    tryCatch(dd(p), error = function(e) { env$tolPwrss <- 1e-10; dd(p) })
  }
}
rgrad <- function(f, p, h = 2e-3) {
  sapply(seq_along(p), function(j) {
    e <- replace(numeric(length(p)), j, 1)
    d <- function(s) (f(p + s * e) - f(p - s * e)) / (2 * s)
    (4 * d(h / 2) - d(h)) / 3
  })
}
rhess <- function(f, p, h = 2e-3) {
  n <- length(p); H <- matrix(0, n, n); f0 <- f(p)
  for (j in 1:n) for (l in j:n) {
    ej <- replace(numeric(n), j, 1); el <- replace(numeric(n), l, 1)
    d <- function(s) {
      if (j == l) (f(p + s * ej) - 2 * f0 + f(p - s * ej)) / s^2
      else (f(p + s * ej + s * el) - f(p + s * ej - s * el) - f(p - s * ej + s * el) + f(p - s * ej - s * el)) / (4 * s^2)
    }
    H[j, l] <- H[l, j] <- (4 * d(h / 2) - d(h)) / 3
  }
  H
}
polish <- function(dd, p) {
  # Newton on the deviance in (theta, beta); theta = 0 stays on the boundary (the deviance is even in theta).
  boundary <- p[1] == 0
  f <- if (boundary) function(b) dd(c(0, b)) else dd
  q <- if (boundary) p[-1] else p
  for (it in 1:30) {
    g <- rgrad(f, q); H <- rhess(f, q)
    step <- solve(H, g)
    q <- q - step
    if (max(abs(step)) < 1e-10) break
  }
  # Hessians for the SE at Richardson steps h = 1e-2, 4e-3 and 2e-3 (each with h/2): lme4's deviance carries its
  # PIRLS rounding (~1e-11), which small steps amplify (~1e-7 relative in the SE on bcg at 2e-3), while large steps
  # carry truncation error where the likelihood is far from quadratic (2e-6 at 1e-2 on zero_cell_every_study).
  # The SE is taken at step 1e-2 (least rounding) unless it differs from the one at 4e-3 by more than 2e-7
  # (relative; about twice the rounding noise seen at 4e-3 on bcg), i.e. unless truncation shows; then at 2e-3.
  list(par = if (boundary) c(0, q) else q, iterations = it, gradient = rgrad(f, q),
       hessians = lapply(c(1e-2, 4e-3, 2e-3), function(h) rhess(f, q, h = h)), f = f, q = q, boundary = boundary)
}

llsat <- function(ai, n1i, ci, n2i) {
  keep <- !((ai == 0 & ci == 0) | (ai == n1i & ci == n2i))
  x <- c(ai[keep], ci[keep]); n <- c(n1i[keep], n2i[keep])
  sum(dbinom(x, n, x / n, log = TRUE))
}

fit.one <- function(ai, n1i, ci, n2i, level = 95) {
  res <- suppressWarnings(rma.glmm(measure = "OR", ai = ai, n1i = n1i, ci = ci, n2i = n2i, model = "UM.FS",
                                   level = level))
  pr <- predict(res, transf = exp)
  prl <- predict(res)
  # rma.glmm does not keep the glmer fit: the same call again (deterministic) gives its study intercepts
  d <- rma.glmm(measure = "OR", ai = ai, n1i = n1i, ci = ci, n2i = n2i, retdat = TRUE)
  dat.grp <- d$dat.grp; X.fit <- d$X.fit; study <- d$study; group <- d$group
  ml <- suppressMessages(suppressWarnings(glmer(dat.grp ~ -1 + X.fit + study + (group - 1 | study), family = binomial,
                                                nAGQ = 7)))
  fx <- fixef(ml)
  stopifnot(abs(fx[1] - res$b[1]) < 1e-12, abs(getME(ml, "theta")^2 - res$tau2) < 1e-12)
  metafor <- list(k = res$k, estimate = res$b[1], se = res$se, zval = res$zval, pval = res$pval, ci_lower = res$ci.lb,
                  ci_upper = res$ci.ub, pi_lower = prl$pi.lb, pi_upper = prl$pi.ub, tau2 = res$tau2,
                  i2 = res$I2, h2 = res$H2, vt = res$vt,
                  qe_wald = res$QE.Wld, qe_wald_pval = res$QEp.Wld, qe_lrt = res$QE.LRT, qe_lrt_pval = res$QEp.LRT,
                  qe_df = res$QE.df, fit_stats_ll = res$fit.stats["ll", "ML"],
                  t_estimate = pr$pred, t_ci_lower = pr$ci.lb, t_ci_upper = pr$ci.ub, t_pi_lower = pr$pi.lb,
                  t_pi_upper = pr$pi.ub, alpha = vec(fx[-1]))
  dd <- devfun(ai, n1i, ci, n2i)
  ls <- llsat(ai, n1i, ci, n2i)
  start <- c(sqrt(res$tau2), fx)
  metafor$loglik <- ls - dd(start) / 2
  pol <- polish(dd, start)
  p <- pol$par
  tau2 <- p[1]^2
  j <- if (pol$boundary) 1 else 2   # position of the log OR in pol$q
  se.steps <- sapply(pol$hessians, function(H) sqrt(2 * solve(H)[j, j]))
  se <- if (abs(se.steps[1] - se.steps[2]) <= 2e-7 * se.steps[1]) se.steps[1] else se.steps[3]
  pol$hessian <- pol$hessians[[3]]
  se.lme4 <- sqrt(2 * solve(lme4:::deriv12(pol$f, pol$q)$Hessian)[j, j])
  crit <- qnorm((100 - level) / 200, lower.tail = FALSE)
  b <- p[2]
  vt <- res$vt
  converged <- list(estimate = b, tau = p[1], tau2 = tau2, se = se, se_by_step = vec(se.steps), se_lme4_deriv12 = se.lme4,
                    zval = b / se, pval = 2 * pnorm(abs(b / se), lower.tail = FALSE),
                    ci_lower = b - crit * se, ci_upper = b + crit * se,
                    pi_lower = b - crit * sqrt(se^2 + tau2), pi_upper = b + crit * sqrt(se^2 + tau2),
                    i2 = 100 * tau2 / (vt + tau2), h2 = tau2 / vt + 1,
                    t_estimate = exp(b), t_ci_lower = exp(b - crit * se), t_ci_upper = exp(b + crit * se),
                    t_pi_lower = exp(b - crit * sqrt(se^2 + tau2)), t_pi_upper = exp(b + crit * sqrt(se^2 + tau2)),
                    alpha = vec(p[-(1:2)]), deviance = dd(p), loglik = ls - dd(p) / 2, newton_steps = pol$iterations,
                    max_abs_gradient = max(abs(pol$gradient)))
  probes <- list()
  kk <- length(p) - 2
  for (pt in list(c(0, 0, p[-(1:2)]), c(0.3, -0.5, p[-(1:2)] + 0.1), c(1, 1, p[-(1:2)] - 0.2),
                  c(2.5, 0.2, p[-(1:2)]), c(p[1] * 1.1, b - 0.1, p[-(1:2)] + 0.05 * seq_len(kk) / kk))) {
    probes[[length(probes) + 1]] <- list(tau = pt[1], theta = pt[2], alpha = vec(pt[-(1:2)]), deviance = dd(pt),
                                         loglik = ls - dd(pt) / 2)
  }
  list(metafor = metafor, converged = converged, ll_sat = ls, probes = probes)
}

write.set <- function(name, ai, n1i, ci, n2i, study = paste0("s", seq_along(ai))) {
  f <- fit.one(ai, n1i, ci, n2i)
  f90 <- fit.one(ai, n1i, ci, n2i, level = 90)
  out <- c(list(versions = versions, dataset = name, measure = "OR", model = "UM.FS", nagq = 7L,
                data = list(study = I(as.character(study)), ai = vec(ai), n1i = vec(n1i), ci = vec(ci), n2i = vec(n2i))),
           f, list(level90 = list(metafor = f90$metafor, converged = f90$converged)))
  writeLines(js(out), file.path(out.dir, paste0(name, ".json")))
  cat("wrote", name, ": b =", sprintf("%.10f", f$converged$estimate), " tau2 =", sprintf("%.10f", f$converged$tau2),
      " metafor b =", sprintf("%.10f", f$metafor$estimate), " tau2 =", sprintf("%.10f", f$metafor$tau2),
      " |grad| =", format(f$converged$max_abs_gradient), " se =", sprintf("%.12f", f$converged$se),
      " se by step =", paste(sprintf("%.12f", f$converged$se_by_step), collapse = " "), "\n")
  invisible(f)
}

b <- dat.bcg
write.set("bcg", b$tpos, b$tpos + b$tneg, b$cpos, b$cpos + b$cneg, paste(b$author, b$year))
n <- dat.nielweise2007   # zero events in one arm in 6 studies; Yucel 2004 has none in either arm (dropped)
write.set("nielweise2007", n$ai, n$n1i, n$ci, n$n2i, paste(n$author, n$year))
cl <- dat.collins1985a   # bleeding; the two trials without bleeding counts left out; Colecchia 0/14 vs 0/14 dropped
cl <- cl[!is.na(cl$b.xti), ]
write.set("collins1985a", cl$b.xti, cl$nti, cl$b.xci, cl$nci, paste(cl$id, cl$trial))
write.set("three_studies", b$tpos[1:3], (b$tpos + b$tneg)[1:3], b$cpos[1:3], (b$cpos + b$cneg)[1:3],
          paste(b$author, b$year)[1:3])
write.set("tau2_zero", c(10, 12, 9, 11, 20), c(50, 60, 45, 55, 100), c(20, 22, 19, 21, 41), c(50, 55, 48, 52, 101))
write.set("two_studies", c(3, 10), c(40, 50), c(9, 15), c(41, 48))
write.set("three_heterogeneous", c(2, 15, 8), c(50, 50, 60), c(12, 9, 8), c(50, 52, 58))
# a zero cell in every study, in both directions (0/10 vs 3/11, 4/20 vs 0/19, 0/30 vs 2/30): still a finite maximum
write.set("zero_cell_every_study", c(0, 4, 0), c(10, 20, 30), c(3, 0, 2), c(11, 19, 30))

# ---- what R does where the Java fit reports "not estimable" -------------------------------------------
try.fit <- function(ai, n1i, ci, n2i) {
  w <- character(0)
  r <- withCallingHandlers(tryCatch(rma.glmm(measure = "OR", ai = ai, n1i = n1i, ci = ci, n2i = n2i), error = function(e) e),
                           warning = function(x) { w <<- c(w, conditionMessage(x)); invokeRestart("muffleWarning") })
  d <- list(ai = vec(ai), n1i = vec(n1i), ci = vec(ci), n2i = vec(n2i))
  if (inherits(r, "error")) return(c(d, list(error = conditionMessage(r), warnings = I(w))))
  c(d, list(error = NULL, warnings = I(w), estimate = r$b[1], se = r$se, tau2 = r$tau2))
}
ne <- list(one_study = try.fit(5, 20, 9, 21),
           no_events = try.fit(c(0, 0, 0), c(10, 20, 30), c(0, 0, 0), c(11, 19, 30)),
           no_treatment_events = try.fit(c(0, 0, 0), c(10, 20, 30), c(3, 5, 2), c(11, 19, 30)))
writeLines(js(list(versions = versions, cases = ne)), file.path(out.dir, "not_estimable.json"))
cat("wrote not_estimable.json\n")
