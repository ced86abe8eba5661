# Reference values for org.trialmeta.stats.meta (EffectSizes, MetaAnalysis, Subgroups, LeaveOneOut).
# Section 10 (continuous outcomes: MD, SMD, ROM) was added with R 4.2.2 and metafor 3.8.1 (Debian 12 packages).
#
# Run from the repository root:  Rscript src/test/r/meta.R
# Writes one JSON file per dataset x measure to src/test/resources/r/meta/ (numbers as %.17g).
#
# Generated with: see the "versions" entry written into every file (R.version.string,
# packageVersion("metafor")); committed files were produced with R 4.x and metafor 3.8.1.
#
# Iterative estimators are run twice:
#   * "tight" control: rma(control = list(threshold = 1e-13, maxiter = 10000, tol = 1e-13)) and
#     confint(control = list(tol = 1e-13)) -- the converged estimator; the Java tests compare with
#     these at 1e-6 relative (iterative) and 1e-8 (closed forms);
#   * metafor's default control (threshold 1e-5, uniroot tol eps^0.25): stored as *_default so the
#     distance between metafor's default stopping point and the converged value can be reported.
suppressMessages(library(metafor))

versions <- list(R = R.version.string, metafor = as.character(packageVersion("metafor")))
out.dir <- "src/test/resources/r/meta"
dir.create(out.dir, recursive = TRUE, showWarnings = FALSE)

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
    s <- paste0('"', gsub("\n", "\\\\n", gsub('"', '\\\\"', x)), '"')
    if (inherits(x, "AsIs") || length(x) != 1) return(paste0("[", paste(s, collapse = ","), "]"))
    return(s)
  }
  if (is.logical(x) && length(x) == 1 && !inherits(x, "AsIs")) return(if (is.na(x)) "null" else tolower(as.character(x)))
  if (length(x) == 1 && !inherits(x, "AsIs")) return(num(x))
  paste0("[", paste(vapply(as.numeric(x), num, ""), collapse = ","), "]")
}
vec <- function(x) I(as.numeric(x))
or.na <- function(x) if (is.null(x)) NA else x

tight <- list(threshold = 1e-13, maxiter = 10000, tol = 1e-13)
methods <- c("FE", "DL", "HE", "HS", "HSk", "SJ", "ML", "REML", "EB", "PM")
tests <- c("z", "knha")

transf.for <- function(measure) {
  switch(measure, OR = exp, RR = exp, PLN = exp, ROM = exp, HR = exp, PLO = transf.ilogit, PAS = transf.iarcsin,
         PFT = transf.ipft.hm, NULL)
}

# mods: NULL (intercept-only) or the moderator vector for rma(mods = ~ factor(g))
fit.one <- function(yi, vi, method, test, ni = NULL, measure = "GEN", mods = NULL, control = tight) {
  if (is.null(mods)) {
    res <- try(suppressWarnings(rma(yi, vi, method = method, test = test, control = control)), silent = TRUE)
    if (inherits(res, "try-error") && grepl("did not converge", res) && length(control) > 0) {
      # Fisher scoring oscillates (normand1999 MD, REML): halve the steps (metafor's stepadj), which reaches the
      # same optimum that trialmeta's step halving reaches (see fisher_oscillation.R)
      for (sa in c(0.5, 0.25, 0.1)) {
        res <- try(suppressWarnings(rma(yi, vi, method = method, test = test,
                                        control = c(control, list(stepadj = sa)))), silent = TRUE)
        if (!inherits(res, "try-error")) break
      }
    }
  } else {
    d <- data.frame(yi = yi, vi = vi, g = mods)
    res <- try(suppressWarnings(rma(yi, vi, mods = ~ factor(g), data = d, method = method, test = test, control = control)), silent = TRUE)
  }
  res
}

summarise <- function(res, measure, ni) {
  k <- res$k
  pr <- predict(res)
  tf <- transf.for(measure)
  if (is.null(tf)) {
    prt <- pr
  } else if (measure == "PFT") {
    prt <- predict(res, transf = tf, targs = list(ni = ni))
  } else {
    prt <- predict(res, transf = tf)
  }
  ci <- list(tau2_ci_lower = NA, tau2_ci_upper = NA, i2_ci_lower = NA, i2_ci_upper = NA,
             h2_ci_lower = NA, h2_ci_upper = NA, tau2_ci_null = NA, tau2_ci_lb_sign = NA, tau2_ci_ub_sign = NA)
  if (!(res$method %in% c("FE", "EE", "CE")) && k > 1) {
    cf <- try(suppressWarnings(confint(res, control = list(tol = 1e-13))), silent = TRUE)
    if (!inherits(cf, "try-error")) {
      r <- cf$random
      ci <- list(tau2_ci_lower = r["tau^2", "ci.lb"], tau2_ci_upper = r["tau^2", "ci.ub"],
                 i2_ci_lower = r["I^2(%)", "ci.lb"], i2_ci_upper = r["I^2(%)", "ci.ub"],
                 h2_ci_lower = r["H^2", "ci.lb"], h2_ci_upper = r["H^2", "ci.ub"],
                 tau2_ci_null = cf$ci.null, tau2_ci_lb_sign = cf$lb.sign, tau2_ci_ub_sign = cf$ub.sign)
    }
  }
  c(list(k = k, estimate = c(res$beta), se = res$se, statistic = res$zval, pval = res$pval,
         ci_lower = res$ci.lb, ci_upper = res$ci.ub, tau2 = res$tau2, tau2_se = res$se.tau2,
         i2 = res$I2, h2 = res$H2, q = res$QE, q_pval = res$QEp,
         pi_lower = or.na(pr$pi.lb), pi_upper = or.na(pr$pi.ub),
         t_estimate = c(prt$pred), t_ci_lower = prt$ci.lb, t_ci_upper = prt$ci.ub,
         t_pi_lower = or.na(prt$pi.lb), t_pi_upper = or.na(prt$pi.ub),
         weights = vec(weights(res))), ci)
}

grid <- function(yi, vi, measure, ni = NULL, groups = NULL, l1o = TRUE) {
  fits <- list()
  for (m in methods) for (t in tests) {
    res <- fit.one(yi, vi, m, t, ni, measure)
    if (inherits(res, "try-error")) {
      fits[[length(fits) + 1]] <- list(method = m, test = t, error = as.character(res))
      next
    }
    f <- c(list(method = m, test = t), summarise(res, measure, ni))
    if (m %in% c("ML", "REML", "EB", "PM", "SJ")) {
      d <- fit.one(yi, vi, m, t, ni, measure, control = list())
      if (!inherits(d, "try-error")) {
        f$tau2_default <- d$tau2
        f$estimate_default <- c(d$beta)
      }
    }
    if (l1o && length(yi) > 1) {
      l <- leave1out(res)
      if (any(is.na(l$estimate))) {
        # a leave-one-out fit whose Fisher scoring did not converge (normand1999 MD): refit it with fit.one, which
        # halves the steps as trialmeta does (see above)
        for (i in which(is.na(l$estimate))) {
          r1 <- fit.one(yi[-i], vi[-i], m, t, if (is.null(ni)) NULL else ni[-i], measure)
          l$estimate[i] <- c(r1$beta); l$se[i] <- r1$se; l$pval[i] <- r1$pval
          if (is.null(l$tval)) l$zval[i] <- r1$zval else l$tval[i] <- r1$zval
          l$ci.lb[i] <- r1$ci.lb; l$ci.ub[i] <- r1$ci.ub; l$Q[i] <- r1$QE; l$Qp[i] <- r1$QEp
          l$tau2[i] <- r1$tau2; l$I2[i] <- r1$I2; l$H2[i] <- r1$H2
        }
      }
      f$leave1out <- list(estimate = vec(l$estimate), se = vec(l$se), statistic = vec(if (is.null(l$tval)) l$zval else l$tval), pval = vec(l$pval),
                          ci_lower = vec(l$ci.lb), ci_upper = vec(l$ci.ub), q = vec(l$Q), q_pval = vec(l$Qp),
                          tau2 = vec(l$tau2), i2 = vec(l$I2), h2 = vec(l$H2))
    }
    if (!is.null(groups)) {
      lev <- sort(unique(groups))
      subs <- list(); est <- c(); se <- c()
      for (g in lev) {
        sel <- groups == g
        rg <- fit.one(yi[sel], vi[sel], m, t, if (is.null(ni)) NULL else ni[sel], measure)
        sg <- c(list(name = g), summarise(rg, measure, if (is.null(ni)) NULL else ni[sel]))
        subs[[length(subs) + 1]] <- sg
        est <- c(est, c(rg$beta)); se <- c(se, rg$se)
      }
      f$subgroups <- subs
      qb <- rma(yi = est, sei = se, method = "FE")
      f$subgroup_test <- list(q = qb$QE, df = qb$k - 1, pval = qb$QEp)
      mr <- fit.one(yi, vi, m, t, ni, measure, mods = groups)
      if (inherits(mr, "try-error")) stop(paste("meta-regression failed:", mr))
      {
        f$metareg <- list(levels = I(lev), beta = vec(mr$beta), se = vec(mr$se), qm = mr$QM, qm_df1 = mr$QMdf[1],
                          qm_df2 = mr$QMdf[2], qm_pval = mr$QMp, tau2 = mr$tau2, tau2_se = mr$se.tau2, qe = mr$QE,
                          qe_df = mr$k - mr$p, qe_pval = mr$QEp, i2 = mr$I2, h2 = mr$H2)
      }
    }
    fits[[length(fits) + 1]] <- f
  }
  fits
}

write.case <- function(name, measure, data, es, groups = NULL, ni = NULL, l1o = TRUE) {
  obj <- list(versions = versions, dataset = name, measure = measure, data = data,
              yi = vec(es$yi), vi = vec(es$vi))
  if (!is.null(groups)) obj$groups <- I(as.character(groups))
  obj$fits <- grid(as.numeric(es$yi), as.numeric(es$vi), measure, ni = ni, groups = groups, l1o = l1o)
  file <- file.path(out.dir, paste0(name, "_", measure, ".json"))
  writeLines(js(obj), file)
  cat("wrote", file, "\n")
}

two.by.two <- function(name, ai, n1i, ci, n2i, measures, study, groups = NULL, l1o = TRUE) {
  for (ms in measures) {
    es <- escalc(ms, ai = ai, n1i = n1i, ci = ci, n2i = n2i)
    write.case(name, ms, list(study = I(as.character(study)), ai = vec(ai), n1i = vec(n1i), ci = vec(ci), n2i = vec(n2i)),
               es, groups = groups, l1o = l1o)
  }
}

# 1. BCG vaccine (13 trials, strong heterogeneity), subgroups / moderator: allocation
b <- dat.bcg
two.by.two("bcg", b$tpos, b$tpos + b$tneg, b$cpos, b$cpos + b$cneg, c("OR", "RR", "RD"),
           paste(b$author, b$year), groups = b$alloc)
# 2. k = 2 (first two BCG trials)
two.by.two("bcg2", b$tpos[1:2], (b$tpos + b$tneg)[1:2], b$cpos[1:2], (b$cpos + b$cneg)[1:2], c("OR", "RR", "RD"),
           paste(b$author, b$year)[1:2])
# 3. k = 1 (first BCG trial)
two.by.two("bcg1", b$tpos[1], (b$tpos + b$tneg)[1], b$cpos[1], (b$cpos + b$cneg)[1], c("OR", "RR"),
           paste(b$author, b$year)[1])
# 4. many small trials with zero cells (catheter infections)
n <- dat.nielweise2007
two.by.two("nielweise2007", n$ai, n$n1i, n$ci, n$n2i, c("OR", "RR", "RD"), paste(n$author, n$year))
# 5. zero heterogeneity (lidocaine mortality, tau^2 = 0)
h <- dat.hine1989
two.by.two("hine1989", h$ai, h$n1i, h$ci, h$n2i, c("OR", "RR", "RD"), h$source)
# 6. single proportions (aneurysm outcomes) with one full cell (10/10)
p <- dat.pritz1997
for (ms in c("PLO", "PFT", "PAS", "PR", "PLN")) {
  es <- escalc(ms, xi = p$xi, ni = p$ni)
  write.case("pritz1997", ms, list(study = I(as.character(p$authors)), xi = vec(p$xi), ni = vec(p$ni)), es, ni = p$ni)
}
# 7. generic yi/vi (Fisher z of correlations, conscientiousness and adherence)
m <- dat.molloy2014
es <- escalc("ZCOR", ri = m$ri, ni = m$ni)
write.case("molloy2014", "GEN", list(study = I(paste(m$authors, m$year))), es)

# 8. escalc zero-cell correction variants (add, to), including PAS/PFT with an explicit add
variants <- list()
combos <- list(list(add = 0.5, to = "all"), list(add = 0.5, to = "if0all"), list(add = 0.1, to = "only0"),
               list(add = 1, to = "only0"), list(add = 0.5, to = "none"))
for (cb in combos) {
  for (ms in c("OR", "RR", "RD")) {
    es <- suppressWarnings(escalc(ms, ai = n$ai, n1i = n$n1i, ci = n$ci, n2i = n$n2i, add = cb$add, to = cb$to))
    variants[[length(variants) + 1]] <- list(data = "nielweise2007", measure = ms, add = cb$add, to = cb$to,
                                             yi = vec(es$yi), vi = vec(es$vi))
  }
  for (ms in c("PLO", "PFT", "PAS", "PR", "PLN")) {
    es <- suppressWarnings(escalc(ms, xi = p$xi, ni = p$ni, add = cb$add, to = cb$to))
    variants[[length(variants) + 1]] <- list(data = "pritz1997", measure = ms, add = cb$add, to = cb$to,
                                             yi = vec(es$yi), vi = vec(es$vi))
  }
}
writeLines(js(list(versions = versions, variants = variants)), file.path(out.dir, "escalc_variants.json"))
cat("wrote escalc_variants.json\n")

# 9. confidence levels other than 95% (CI, PI, Q-profile CI) on BCG log risk ratios
esb <- escalc("RR", ai = b$tpos, n1i = b$tpos + b$tneg, ci = b$cpos, n2i = b$cpos + b$cneg)
lv <- list()
for (level in c(90, 99)) for (m in c("FE", "DL", "REML", "PM")) for (t in tests) {
  res <- rma(esb$yi, esb$vi, method = m, test = t, level = level, control = tight)
  lv[[length(lv) + 1]] <- c(list(level = level, method = m, test = t), summarise(res, "RR", NULL))
}
writeLines(js(list(versions = versions, dataset = "bcg", measure = "RR", fits = lv)), file.path(out.dir, "bcg_levels_RR.json"))
cat("wrote bcg_levels_RR.json\n")

# 10. continuous outcomes (length of hospital stay, Normand 1999): MD, SMD (Hedges' g, exact correction), ROM
d <- dat.normand1999
for (ms in c("MD", "SMD", "ROM")) {
  es <- escalc(ms, m1i = d$m1i, sd1i = d$sd1i, n1i = d$n1i, m2i = d$m2i, sd2i = d$sd2i, n2i = d$n2i)
  write.case("normand1999", ms, list(study = I(as.character(d$source)), m1i = vec(d$m1i), sd1i = vec(d$sd1i),
             n1i = vec(d$n1i), m2i = vec(d$m2i), sd2i = vec(d$sd2i), n2i = vec(d$n2i)), es)
}
