# Reference values for org.trialmeta.stats.meta.BinomialNormalGlmm (GLMM for single proportions).
#
# Run from the repository root:  Rscript src/test/r/glmm.R
# Writes one JSON file per dataset to src/test/resources/r/glmm/ (numbers as %.17g) and versions.txt.
# Last generated with: R version 4.2.2 Patched (2022-11-10 r83330), metafor 3.8.1, lme4 1.1.31
# (Debian bookworm packages; also written to versions.txt and into every file).
#
# For every dataset three things are stored:
#   * "metafor": rma.glmm(measure = "PLO", xi, ni) exactly as a user runs it (nAGQ = 7, lme4::glmer with its
#     default optimizer: bobyqa, then Nelder-Mead with FtolAbs = 1e-5 on the deviance) and
#     predict(res, transf = transf.ilogit). Its estimates stop where Nelder-Mead stopped, typically 1e-6 to
#     1e-4 (relative) from the maximum, and its SE comes from lme4's central-difference Hessian (step 1e-4).
#   * "converged": the maximum of the *same* objective -- lme4's own nAGQ = 7 deviance function,
#     glmer(..., nAGQ = 7, devFunOnly = TRUE), a function of (theta = tau, beta = mu) -- polished by Newton
#     steps until the step is below 1e-11; its SE is
#     sqrt(2 * solve(H)[2, 2]) with H the Hessian of the deviance (what lme4's vcov computes, without the
#     finite-difference error), and the lme4-style SE (lme4:::deriv12, step 1e-4) at the same point.
#     Newton steps and the SE use Richardson-extrapolated central differences (steps 2e-3 and 1e-3) of
#     lme4's objective; see devfun() for the one control changed (PIRLS tolerance).
#     z, p, CI, PI, I^2, H^2 are recomputed from these with metafor's formulas (vt from res$vt).
#   * "probes": lme4's deviance at a few (tau, mu) points, so the Java likelihood can be checked against
#     the lme4 objective itself: loglik = ll_sat - deviance / 2, ll_sat = sum(dbinom(xi, ni, xi/ni, log = TRUE)).
# Subgroups (pagliaro1992 by trt): the converged fit per subgroup and the test for subgroup differences
# rma(yi = est, sei = se, method = "FE") on the subgroup estimates and SEs.
# Cases without an estimate (all studies 0 events; studies with only 0 or all events) are run too and
# what R does is written to not_estimable.json (messages, and the values R returns, for the record).
# lme4's Gauss-Hermite rules GHrule(n) for a few n go to ghrule.json.
suppressMessages({library(metafor); library(lme4)})

versions <- list(R = R.version.string, metafor = as.character(packageVersion("metafor")),
                 lme4 = as.character(packageVersion("lme4")))
out.dir <- "src/test/resources/r/glmm"
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

# ---- the converged maximum of lme4's nAGQ = 7 objective ---------------------------------------------
# lme4's deviance function for (theta, beta); its inner PIRLS (conditional modes) is run to tolPwrss = 1e-12
# instead of 1e-7 so that the function is smooth to ~1e-12 and does not depend on the previous call's modes
# (at 1e-7 the value moved by up to 6e-8 after a jump of 0.01 in theta). It is the same objective.
devfun <- function(xi, ni) {
  study <- factor(seq_along(xi))
  suppressMessages(glmer(cbind(xi, ni - xi) ~ 1 + (1 | study), family = binomial, nAGQ = 7, devFunOnly = TRUE,
                         control = glmerControl(tolPwrss = 1e-12)))
}
# Central differences at steps h and h/2 combined by Richardson extrapolation (error O(h^4)).
rgrad <- function(f, p, h = 2e-3) {
  sapply(seq_along(p), function(j) {
    e <- replace(numeric(length(p)), j, 1)
    d <- function(s) (f(p + s * e) - f(p - s * e)) / (2 * s)
    (4 * d(h / 2) - d(h)) / 3
  })
}
rhess <- function(f, p, h = 2e-3) {
  n <- length(p); H <- matrix(0, n, n)
  for (j in 1:n) for (l in j:n) {
    ej <- replace(numeric(n), j, 1); el <- replace(numeric(n), l, 1)
    d <- function(s) {
      if (j == l) (f(p + s * ej) - 2 * f(p) + f(p - s * ej)) / s^2
      else (f(p + s * ej + s * el) - f(p + s * ej - s * el) - f(p - s * ej + s * el) + f(p - s * ej - s * el)) / (4 * s^2)
    }
    H[j, l] <- H[l, j] <- (4 * d(h / 2) - d(h)) / 3
  }
  H
}
polish <- function(dd, p) {
  # Newton on the deviance in (theta, beta); theta = 0 stays on the boundary (there the deviance is even in
  # theta and only beta is free).
  boundary <- p[1] == 0
  f <- if (boundary) function(b) dd(c(0, b)) else dd
  q <- if (boundary) p[2] else p
  for (it in 1:50) {
    g <- rgrad(f, q); H <- rhess(f, q)
    step <- solve(H, g)
    q <- q - step
    if (max(abs(step)) < 1e-11) break
  }
  list(par = if (boundary) c(0, q) else q, iterations = it, gradient = if (boundary) c(0, rgrad(f, q)) else rgrad(f, q),
       hessian = rhess(f, q), f = f, q = q)
}

fit.one <- function(xi, ni, level = 95) {
  res <- rma.glmm(measure = "PLO", xi = xi, ni = ni, level = level)
  pr <- predict(res, transf = transf.ilogit)
  prl <- predict(res)
  metafor <- list(estimate = res$b[1], se = res$se, zval = res$zval, pval = res$pval, ci_lower = res$ci.lb,
                  ci_upper = res$ci.ub, pi_lower = prl$pi.lb, pi_upper = prl$pi.ub, tau2 = res$tau2,
                  i2 = res$I2, h2 = res$H2, vt = res$vt,
                  qe_wald = res$QE.Wld, qe_wald_pval = res$QEp.Wld, qe_lrt = res$QE.LRT, qe_lrt_pval = res$QEp.LRT,
                  qe_df = res$QE.df, fit_stats_ll = res$fit.stats["ll", "ML"],
                  t_estimate = pr$pred, t_ci_lower = pr$ci.lb, t_ci_upper = pr$ci.ub, t_pi_lower = pr$pi.lb,
                  t_pi_upper = pr$pi.ub)
  dd <- devfun(xi, ni)
  llsat <- sum(dbinom(xi, ni, xi / ni, log = TRUE))
  start <- c(sqrt(res$tau2), res$b[1])
  metafor$loglik <- llsat - dd(start) / 2
  pol <- polish(dd, start)
  p <- pol$par
  tau2 <- p[1]^2
  se <- sqrt(2 * solve(pol$hessian)[length(pol$q), length(pol$q)])
  se.lme4 <- sqrt(2 * solve(lme4:::deriv12(pol$f, pol$q)$Hessian)[length(pol$q), length(pol$q)])
  crit <- qnorm((100 - level) / 200, lower.tail = FALSE)
  b <- p[2]
  vt <- res$vt
  converged <- list(estimate = b, tau = p[1], tau2 = tau2, se = se, se_lme4_deriv12 = se.lme4,
                    zval = b / se, pval = 2 * pnorm(abs(b / se), lower.tail = FALSE),
                    ci_lower = b - crit * se, ci_upper = b + crit * se,
                    pi_lower = b - crit * sqrt(se^2 + tau2), pi_upper = b + crit * sqrt(se^2 + tau2),
                    i2 = 100 * tau2 / (vt + tau2), h2 = tau2 / vt + 1,
                    t_estimate = plogis(b), t_ci_lower = plogis(b - crit * se), t_ci_upper = plogis(b + crit * se),
                    t_pi_lower = plogis(b - crit * sqrt(se^2 + tau2)), t_pi_upper = plogis(b + crit * sqrt(se^2 + tau2)),
                    deviance = dd(p), loglik = llsat - dd(p) / 2, newton_steps = pol$iterations,
                    final_gradient = vec(pol$gradient))
  probes <- list()
  for (pt in list(c(0, 0), c(0.3, -0.5), c(1, 1), c(2.5, 0.2), c(p[1] * 1.1, b - 0.1))) {
    probes[[length(probes) + 1]] <- list(tau = pt[1], mu = pt[2], deviance = dd(pt), loglik = llsat - dd(pt) / 2)
  }
  list(metafor = metafor, converged = converged, ll_sat = llsat, probes = probes)
}

write.set <- function(name, xi, ni, study = paste0("s", seq_along(xi)), extra = list()) {
  f <- fit.one(xi, ni)
  f90 <- fit.one(xi, ni, level = 90)
  out <- c(list(versions = versions, dataset = name, measure = "PLO", nagq = 7L,
                data = list(study = I(as.character(study)), xi = vec(xi), ni = vec(ni))),
           f, list(level90 = list(metafor = f90$metafor, converged = f90$converged)), extra)
  writeLines(js(out), file.path(out.dir, paste0(name, ".json")))
  cat("wrote", name, ": b =", sprintf("%.10f", f$converged$estimate), " tau2 =", sprintf("%.10f", f$converged$tau2),
      " metafor b =", sprintf("%.10f", f$metafor$estimate), "\n")
  invisible(f)
}

write.set("pritz1997", dat.pritz1997$xi, dat.pritz1997$ni, dat.pritz1997$authors)
write.set("debruin2009", dat.debruin2009$xi, dat.debruin2009$ni, dat.debruin2009$author)
write.set("hannum2020", dat.hannum2020$xi, dat.hannum2020$ni, dat.hannum2020$authorName)
write.set("lgsoc", c(25, 9, 11), c(57, 52, 26), c("RAMP 201", "MILO", "GOG 281"))
write.set("zero_events", c(0, 5, 12, 3, 8), c(20, 40, 50, 30, 25))
write.set("all_events", c(10, 7, 15, 20, 30), c(10, 12, 30, 25, 60))
write.set("tau2_zero", c(10, 11, 9, 10, 12), c(50, 50, 50, 50, 50))
write.set("two_studies", c(5, 20), c(30, 40))

# ---- subgroups: pagliaro1992 by treatment ------------------------------------------------------------
d <- dat.pagliaro1992
groups <- sort(unique(as.character(d$trt)))
sub <- list()
est <- se <- numeric(0)
for (g in groups) {
  s <- d[d$trt == g, ]
  f <- fit.one(s$xi, s$ni)
  sub[[length(sub) + 1]] <- list(name = g, k = nrow(s), converged = f$converged, metafor = f$metafor)
  est <- c(est, f$converged$estimate); se <- c(se, f$converged$se)
}
qb <- rma(yi = est, sei = se, method = "FE")
write.set("pagliaro1992", d$xi, d$ni, paste(d$study, d$trt),
          extra = list(groups = I(as.character(d$trt)), subgroups = sub,
                       subgroup_test = list(q = qb$QE, df = qb$k - 1, pval = qb$QEp)))

# ---- what R does where the Java fit reports "not estimable" -------------------------------------------
try.fit <- function(xi, ni) {
  w <- character(0)
  r <- withCallingHandlers(tryCatch(rma.glmm(measure = "PLO", xi = xi, ni = ni), error = function(e) e),
                           warning = function(x) { w <<- c(w, conditionMessage(x)); invokeRestart("muffleWarning") })
  if (inherits(r, "error")) return(list(xi = vec(xi), ni = vec(ni), error = conditionMessage(r), warnings = I(w)))
  list(xi = vec(xi), ni = vec(ni), error = NULL, warnings = I(w), estimate = r$b[1], se = r$se, tau2 = r$tau2)
}
ne <- list(one_study = try.fit(5, 20),
           no_events = try.fit(c(0, 0, 0), c(10, 20, 30)),
           only_boundary_studies = try.fit(c(0, 10, 0, 10), c(10, 10, 10, 10)))
writeLines(js(list(versions = versions, cases = ne)), file.path(out.dir, "not_estimable.json"))
cat("wrote not_estimable.json\n")

# ---- lme4's Gauss-Hermite rules (GHrule: z, w), for the quadrature test --------------------------------
gh <- list()
for (q in c(1, 2, 3, 5, 7, 10, 20, 25)) {
  r <- GHrule(q)
  gh[[length(gh) + 1]] <- list(n = q, z = vec(r[, "z"]), w = vec(r[, "w"]))
}
writeLines(js(list(versions = versions, rules = gh)), file.path(out.dir, "ghrule.json"))
cat("wrote ghrule.json\n")
