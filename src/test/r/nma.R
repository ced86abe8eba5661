# Reference values for network meta-analysis (org.trialmeta.stats.nma, `trialmeta nma`).
# Run from the repository root:  Rscript src/test/r/nma.R
# Produced with: R version 4.2.2 Patched (2022-11-10 r83330), metafor 3.8.1, metadat 1.2.0 (printed on each run).
# netmeta is not installable here; its models are written with metafor as netmeta itself does for REML
# (rma.mv with treatment-contrast dummies, random = ~ comparison | study, rho = 1/2):
#   fixed  = rma.mv(yi, V, mods = ~ X - 1)                      (GLS with the block-diagonal V)
#   random = rma.mv(yi, V, mods = ~ X - 1, random = ~ comp | study, rho = 1/2, struct = "CS", method = "REML")
# Each study's contrasts are its arms against its baseline arm (the reference when the study has it, otherwise
# its first treatment in sorted order); Cov(y_j, y_k) = variance of the baseline arm (shared control).
# Arm-level estimates: log odds with 1/2 added to every arm of a study that has a zero cell (escalc's
# to = "only0" applied per study), means with variance sd^2/n.
# Writes src/test/resources/r/nma/<dataset>_arms.csv (the inputs) and values.csv (case,key,value; %.17g).
suppressMessages(library(metafor))
cat(R.version.string, "\n"); cat("metafor", as.character(packageVersion("metafor")),
    "metadat", as.character(packageVersion("metadat")), "\n")
out <- "src/test/resources/r/nma"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
rows <- list()
put <- function(case, key, v) rows[[length(rows) + 1]] <<- data.frame(case = case, key = key, value = sprintf("%.17g", v))
tight <- list(rel.tol = 1e-12, eval.max = 10000, iter.max = 10000)

# arm-level estimates on the analysis scale: est, var per arm
arms <- function(d, measure) {
  if (measure == "OR") {
    zero <- ave(as.numeric(d$events == 0 | d$events == d$n), d$study, FUN = max) > 0
    a <- d$events + ifelse(zero, 0.5, 0); b <- d$n - d$events + ifelse(zero, 0.5, 0)
    data.frame(study = d$study, treatment = d$treatment, est = log(a / b), var = 1 / a + 1 / b)
  } else {
    data.frame(study = d$study, treatment = d$treatment, est = d$mean, var = d$sd^2 / d$n)
  }
}

# contrasts against each study's baseline arm, block-diagonal V, design matrix vs the reference
contrasts <- function(a, trts, ref) {
  ys <- c(); Vs <- list(); Xs <- list(); st <- c(); comp <- c(); t1 <- c(); t2 <- c()
  for (s in unique(a$study)) {
    x <- a[a$study == s, ]
    x <- x[order(x$treatment), ]
    b <- if (ref %in% x$treatment) which(x$treatment == ref) else 1
    o <- setdiff(seq_len(nrow(x)), b)
    ys <- c(ys, x$est[o] - x$est[b])
    V <- matrix(x$var[b], length(o), length(o)); diag(V) <- x$var[o] + x$var[b]
    Vs[[length(Vs) + 1]] <- V
    X <- matrix(0, length(o), length(setdiff(trts, ref)), dimnames = list(NULL, setdiff(trts, ref)))
    for (i in seq_along(o)) {
      if (x$treatment[o[i]] != ref) X[i, x$treatment[o[i]]] <- 1
      if (x$treatment[b] != ref) X[i, x$treatment[b]] <- -1
    }
    Xs[[length(Xs) + 1]] <- X
    st <- c(st, rep(s, length(o))); comp <- c(comp, paste(x$treatment[o], x$treatment[b], sep = " vs "))
    t1 <- c(t1, x$treatment[o]); t2 <- c(t2, rep(x$treatment[b], length(o)))
  }
  list(y = ys, V = bldiag(Vs), X = do.call(rbind, Xs), study = st, comp = comp, t1 = t1, t2 = t2)
}

fitboth <- function(cn) {
  fe <- rma.mv(cn$y, cn$V, mods = cn$X, intercept = FALSE)
  reml <- function(ctrl) rma.mv(cn$y, cn$V, mods = cn$X, intercept = FALSE, random = ~ comp | study, rho = 1/2,
               struct = "CS", method = "REML", data = data.frame(comp = cn$comp, study = cn$study), control = ctrl)
  re <- tryCatch(reml(tight), error = function(e) reml(list()))
  # polish tau^2 on the REML profile (rma.mv with tau2 and rho fixed)
  prof <- function(t2) c(logLik(rma.mv(cn$y, cn$V, mods = cn$X, intercept = FALSE, random = ~ comp | study,
               rho = 1/2, tau2 = t2, struct = "CS", method = "REML", data = data.frame(comp = cn$comp, study = cn$study))))
  opt <- optimize(prof, c(max(0, re$tau2 / 2), max(1e-6, 2 * re$tau2)), maximum = TRUE, tol = 1e-12)
  if (re$tau2 > 0 && opt$objective > c(logLik(re))) {
    re <- rma.mv(cn$y, cn$V, mods = cn$X, intercept = FALSE, random = ~ comp | study, rho = 1/2, tau2 = opt$maximum,
                 struct = "CS", method = "REML", data = data.frame(comp = cn$comp, study = cn$study))
  }
  list(fixed = fe, random = re)
}

# every ordered pair from the estimates vs the reference and their covariance
pairs <- function(case, fit, trts, ref) {
  b <- c(0, c(fit$beta)); names(b) <- c(ref, setdiff(trts, ref))
  C <- matrix(0, length(trts), length(trts), dimnames = list(names(b), names(b)))
  C[-1, -1] <- fit$vb
  for (i in names(b)) for (j in names(b)) if (i != j) {
    put(case, paste("est", i, j, sep = "|"), b[i] - b[j])
    put(case, paste("se", i, j, sep = "|"), sqrt(C[i, i] + C[j, j] - 2 * C[i, j]))
  }
  list(b = b, C = C)
}

pscores <- function(case, p, small.good) {
  n <- length(p$b)
  for (i in names(p$b)) {
    s <- 0
    for (j in names(p$b)) if (i != j) {
      z <- (p$b[i] - p$b[j]) / sqrt(p$C[i, i] + p$C[j, j] - 2 * p$C[i, j])
      s <- s + pnorm(if (small.good) -z else z)
    }
    put(case, paste("pscore", i, sep = "|"), s / (n - 1))
  }
}

# netsplit back-calculation (Koenig et al. 2013): direct = inverse-variance pool of the studies with both arms
# (random: tau^2 of the network added), P = var_nma / var_direct, indirect = (nma - P direct) / (1 - P)
netsplit <- function(case, a, p, tau2, trts) {
  for (i in seq_along(trts)) for (j in seq_along(trts)) if (i < j) {
    ti <- trts[i]; tj <- trts[j]
    ss <- intersect(a$study[a$treatment == ti], a$study[a$treatment == tj])
    if (length(ss) == 0) next
    yi <- sapply(ss, function(s) a$est[a$study == s & a$treatment == ti] - a$est[a$study == s & a$treatment == tj])
    vi <- sapply(ss, function(s) a$var[a$study == s & a$treatment == ti] + a$var[a$study == s & a$treatment == tj])
    d <- rma(yi, vi, tau2 = tau2, method = "REML")
    nma <- p$b[ti] - p$b[tj]; vn <- p$C[ti, ti] + p$C[tj, tj] - 2 * p$C[ti, tj]
    P <- vn / d$se^2
    key <- paste(ti, tj, sep = "|")
    put(case, paste("direct", key, sep = "|"), c(d$beta)); put(case, paste("direct_se", key, sep = "|"), d$se)
    put(case, paste("prop", key, sep = "|"), P)
    if (abs(P - 1) > 1e-8) {
      ind <- (nma - P * c(d$beta)) / (1 - P); vind <- vn / (1 - P)
      z <- (c(d$beta) - ind) / sqrt(d$se^2 + vind)
      put(case, paste("indirect", key, sep = "|"), ind); put(case, paste("indirect_se", key, sep = "|"), sqrt(vind))
      put(case, paste("diff_p", key, sep = "|"), 2 * pnorm(-abs(z)))
    }
  }
}

# design-by-treatment decomposition (as netmeta::decomp.design): Q within each design from a fixed-effect
# fit of that design's studies alone; Q between designs = Q total - sum of within-design Qs
decomp <- function(case, a, trts, ref, fe) {
  design <- tapply(a$treatment, a$study, function(x) paste(sort(x), collapse = ":"))
  qw <- 0; dfw <- 0
  for (dsg in unique(design)) {
    ss <- names(design)[design == dsg]
    if (length(ss) < 2) next
    ad <- a[a$study %in% ss, ]
    td <- sort(unique(ad$treatment))
    cn <- contrasts(ad, td, td[1])
    f <- rma.mv(cn$y, cn$V, mods = cn$X, intercept = FALSE)
    put(case, paste("q_design", dsg, sep = "|"), f$QE); put(case, paste("df_design", dsg, sep = "|"), f$k - f$p)
    qw <- qw + f$QE; dfw <- dfw + f$k - f$p
  }
  put(case, "q_total", fe$QE); put(case, "df_total", fe$k - fe$p)
  put(case, "q_heterogeneity", qw); put(case, "df_heterogeneity", dfw)
  put(case, "q_inconsistency", fe$QE - qw); put(case, "df_inconsistency", fe$k - fe$p - dfw)
}

run <- function(name, d, measure, ref, small.good = TRUE) {
  write.csv(d, file.path(out, paste0(name, "_arms.csv")), row.names = FALSE)
  a <- arms(d, measure)
  trts <- sort(unique(a$treatment))
  cn <- contrasts(a, trts, ref)
  f <- fitboth(cn)
  for (m in c("fixed", "random")) {
    fit <- f[[m]]; case <- paste(name, m, sep = "/")
    b <- c(fit$beta); names(b) <- setdiff(trts, ref)
    for (t in names(b)) { put(case, paste("b", t, sep = "|"), b[t]); put(case, paste("b_se", t, sep = "|"), fit$se[names(b) == t]) }
    put(case, "tau2", if (m == "fixed") 0 else fit$tau2)
    put(case, "loglik_reml", if (m == "fixed") NA else c(logLik(fit)))
    put(case, "qe", fit$QE); put(case, "qe_df", fit$k - fit$p)
    p <- pairs(case, fit, trts, ref)
    pscores(case, p, small.good)
    netsplit(case, a, p, if (m == "fixed") 0 else fit$tau2, trts)
    if (m == "fixed") decomp(case, a, trts, ref, fit)
  }
  cat(name, ": tau2 =", f$random$tau2, " logLik =", c(logLik(f$random)), "\n")
}

s <- dat.senn2013
run("senn2013", data.frame(study = s$study, treatment = s$treatment, mean = s$mi, sd = s$sdi, n = s$ni), "MD", "placebo")
h <- dat.hasselblad1998
run("hasselblad1998", data.frame(study = paste(h$authors, h$year), treatment = h$trt, events = h$xi, n = h$ni), "OR", "no_contact",
    small.good = FALSE)
g <- dat.dogliotti2014
run("dogliotti2014", data.frame(study = g$study, treatment = g$treatment, events = g$stroke, n = g$total), "OR",
    "Placebo/Control")

# Additive component NMA (as netmeta::netcomb) on dat.lopez2019 (Lopez-Lopez et al. 2019, CBT for depression):
# a treatment is named by its components ("cog + ba + psed"), control arms by their kind; studies with two arms of
# the same components are left out; "Wait list" is the inactive component. Input written as contrast-level rows
# (every pair of a study's arms; yi = difference of the arms' standardised changes, vi = sum of their variances).
# The standard model's Q on this disconnected network is the sum over its connected parts.
lz <- dat.lopez2019
cc <- c("multi", "cog", "ba", "psed", "home", "prob", "soc", "relax", "goal", "final", "mind", "act")
lab <- apply(lz[, cc], 1, function(r) paste(cc[r == 1], collapse = " + "))
lab[lab == ""] <- lz$treatment[lab == ""]
lz$lab <- lab
dup <- tapply(lz$lab, lz$study, function(x) any(duplicated(x)))
lz <- lz[!lz$study %in% names(dup)[dup], ]
pw <- list()
for (s in unique(lz$study)) {
  x <- lz[lz$study == s, ]
  for (i in 1:(nrow(x) - 1)) for (j in (i + 1):nrow(x))
    pw[[length(pw) + 1]] <- data.frame(study = s, treatment_1 = x$lab[i], treatment_2 = x$lab[j],
                                       yi = sprintf("%.17g", x$diff[i] - x$diff[j]), vi = sprintf("%.17g", x$se[i]^2 + x$se[j]^2))
}
write.csv(do.call(rbind, pw), file.path(out, "lopez2019_contrasts.csv"), row.names = FALSE)
la <- data.frame(study = lz$study, treatment = lz$lab, est = lz$diff, var = lz$se^2)
comps <- sort(unique(unlist(lapply(strsplit(unique(la$treatment), "+", fixed = TRUE), trimws))))
act <- setdiff(comps, "Wait list")
trts <- sort(unique(la$treatment))
C <- t(sapply(trts, function(l) as.numeric(act %in% trimws(strsplit(l, "+", fixed = TRUE)[[1]]))))
colnames(C) <- act
cn <- contrasts(la, trts, "")                # a dummy for every treatment (no reference), then X C
Xc <- cn$X[, trts] %*% C
fe <- rma.mv(cn$y, cn$V, mods = Xc, intercept = FALSE)
re <- rma.mv(cn$y, cn$V, mods = Xc, intercept = FALSE, random = ~ comp | study, rho = 1/2, struct = "CS",
             method = "REML", data = data.frame(comp = cn$comp, study = cn$study))
# connected parts of the network (for the standard model's Q)
grp <- setNames(seq_along(trts), trts)
repeat { changed <- FALSE
  for (s in unique(la$study)) { g <- grp[la$treatment[la$study == s]]; m <- min(g)
    if (any(g != m)) { grp[grp %in% g] <- m; changed <- TRUE } }
  if (!changed) break }
qs <- 0; dfs <- 0
for (g in unique(grp)) {
  tg <- names(grp)[grp == g]; if (length(tg) < 2) next
  ag <- la[la$treatment %in% tg, ]
  cg <- contrasts(ag, sort(tg), sort(tg)[1]); if (length(cg$y) <= ncol(cg$X)) next
  fg <- rma.mv(cg$y, cg$V, mods = cg$X, intercept = FALSE)
  qs <- qs + fg$QE; dfs <- dfs + fg$k - fg$p
}
for (m in c("fixed", "random")) {
  fit <- if (m == "fixed") fe else re; case <- paste("lopez2019/cnma", m, sep = "_")
  for (i in seq_along(act)) { put(case, paste("beta", act[i], sep = "|"), fit$beta[i]); put(case, paste("beta_se", act[i], sep = "|"), fit$se[i]) }
  put(case, "tau2", if (m == "fixed") 0 else fit$tau2)
  put(case, "q_additive", fe$QE); put(case, "df_additive", fe$k - fe$p)
  put(case, "q_standard", qs); put(case, "df_standard", dfs)
  put(case, "parts", length(unique(grp)))
  # each treatment against "no active component": theta_t = C[t, ] beta, a linear combination (predict)
  for (t in trts) {
    pr <- predict(fit, newmods = rbind(C[t, ]))
    put(case, paste("comb", t, sep = "|"), pr$pred); put(case, paste("comb_se", t, sep = "|"), pr$se)
    put(case, paste("comb_ci_lower", t, sep = "|"), pr$ci.lb); put(case, paste("comb_ci_upper", t, sep = "|"), pr$ci.ub)
    put(case, paste("comb_p", t, sep = "|"), 2 * pnorm(-abs(pr$pred / pr$se)))
  }
}
cat("lopez2019 CNMA: components", length(act), " Q additive", fe$QE, "df", fe$k - fe$p, " Q standard", qs, "df", dfs,
    " tau2", re$tau2, "\n")

write.csv(do.call(rbind, rows), file.path(out, "values.csv"), row.names = FALSE, quote = TRUE)
cat("wrote", file.path(out, "values.csv"), "\n")
