# Reference values for org.trialmeta.stats.proportion (single and two proportions).
#
# Run from the repository root:  Rscript src/test/r/proportions.R
# Writes src/test/resources/r/proportions/{single,binomtest,two}.csv with 17 significant digits.
#
# Generated with R 4.x base stats only (binom.test, prop.test, fisher.test, chisq.test) plus
# metafor::escalc for the log RR / log OR with the 1/2 zero-cell correction. The R packages binom,
# PropCIs, DescTools and exact2x2 are not installed here (and have no Debian package), so Wilson,
# Agresti-Coull, Jeffreys, Wald, Newcombe and Miettinen-Nurminen are hand-coded below from the papers;
# the conventions (clipping, ends at x = 0 / x = n) are the ones stated in the Java Javadoc.
# Last generated with: R version 4.2.2 Patched (2022-11-10 r83330), metafor 3.8.1 (also written to
# versions.txt next to the CSVs on every run).

suppressPackageStartupMessages(library(metafor))
out <- file.path("src", "test", "resources", "r", "proportions")
dir.create(out, recursive = TRUE, showWarnings = FALSE)
versions <- c(R.version.string, paste("metafor", as.character(packageVersion("metafor"))))
print(versions)
writeLines(versions, file.path(out, "versions.txt"))

f17 <- function(v) ifelse(is.na(v), "NA", ifelse(is.infinite(v), ifelse(v > 0, "Inf", "-Inf"), sprintf("%.17g", v)))
write17 <- function(df, name) {
  for (j in seq_along(df)) if (is.double(df[[j]])) df[[j]] <- f17(df[[j]])
  write.csv(df, file.path(out, name), row.names = FALSE, quote = FALSE)
}

## ---------------------------------------------------------------- single proportions
# Wilson score (Wilson 1927) and Wilson with continuity correction: exactly prop.test's conf.int
# (one sample, p = 0.5 default), which clips to [0, 1] and uses YATES = min(0.5, |x - n/2|).
wilson   <- function(x, n, lev) as.numeric(prop.test(x, n, conf.level = lev, correct = FALSE)$conf.int)
wilsoncc <- function(x, n, lev) as.numeric(prop.test(x, n, conf.level = lev, correct = TRUE)$conf.int)
cp <- function(x, n, lev) as.numeric(binom.test(x, n, conf.level = lev)$conf.int)
# Agresti & Coull (1998): n~ = n + z^2, p~ = (x + z^2/2)/n~, p~ -/+ z sqrt(p~(1-p~)/n~), clipped to [0,1].
ac <- function(x, n, lev) {
  z <- qnorm(1 - (1 - lev) / 2); nt <- n + z^2; pt <- (x + z^2 / 2) / nt
  h <- z * sqrt(pt * (1 - pt) / nt)
  c(max(0, pt - h), min(1, pt + h))
}
# Jeffreys: Beta(x + 1/2, n - x + 1/2) quantiles, lower 0 at x = 0 and upper 1 at x = n
# (Brown, Cai & DasGupta 2001; as binom::binom.confint(method = "bayes"/"jeffreys")).
jeffreys <- function(x, n, lev) {
  a <- (1 - lev) / 2
  lo <- if (x == 0) 0 else qbeta(a, x + 0.5, n - x + 0.5)
  hi <- if (x == n) 1 else qbeta(1 - a, x + 0.5, n - x + 0.5)
  c(lo, hi)
}
# Wald: p -/+ z sqrt(p(1-p)/n), clipped to [0, 1] (as DescTools::BinomCI(method = "wald")).
wald <- function(x, n, lev) {
  z <- qnorm(1 - (1 - lev) / 2); p <- x / n; h <- z * sqrt(p * (1 - p) / n)
  c(max(0, p - h), min(1, p + h))
}
methods <- list(CLOPPER_PEARSON = cp, WILSON = wilson, WILSON_CC = wilsoncc,
                AGRESTI_COULL = ac, JEFFREYS = jeffreys, WALD = wald)

set.seed(20260401)
grid <- NULL
for (n in c(1, 2, 3, 4, 5, 7, 9, 10, 12, 20, 26, 30, 50, 52, 57, 100, 109, 200, 333, 500, 1000)) {
  xs <- unique(c(0, 1, 2, floor(n / 2), ceiling(n / 2), n - 2, n - 1, n, sample(0:n, 3, replace = TRUE)))
  xs <- xs[xs >= 0 & xs <= n]
  grid <- rbind(grid, data.frame(x = xs, n = n))
}
grid <- rbind(grid, data.frame(x = c(25, 9, 34, 11, 7, 4), n = c(57, 52, 109, 26, 10, 9)))
grid <- unique(grid)
rows <- list()
for (i in seq_len(nrow(grid))) for (lev in c(0.90, 0.95, 0.99)) for (m in names(methods)) {
  ci <- methods[[m]](grid$x[i], grid$n[i], lev)
  rows[[length(rows) + 1]] <- data.frame(x = grid$x[i], n = grid$n[i], level = lev, method = m,
                                         estimate = grid$x[i] / grid$n[i], lower = ci[1], upper = ci[2])
}
write17(do.call(rbind, rows), "single.csv")

## ---------------------------------------------------------------- exact binomial test
bt <- list()
for (i in seq_len(nrow(grid))) for (p0 in c(0.05, 0.2, 0.3, 0.5, 0.61)) {
  bt[[length(bt) + 1]] <- data.frame(x = grid$x[i], n = grid$n[i], p0 = p0,
                                     pvalue = binom.test(grid$x[i], grid$n[i], p = p0)$p.value)
}
write17(do.call(rbind, bt), "binomtest.csv")

## ---------------------------------------------------------------- two proportions
# Wilson limits without correction (for Newcombe's hybrid score interval, method 10 of Newcombe 1998).
newcombe <- function(x1, n1, x2, n2, lev) {
  p1 <- x1 / n1; p2 <- x2 / n2; w1 <- wilson(x1, n1, lev); w2 <- wilson(x2, n2, lev)
  d <- p1 - p2
  c(d - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2), d + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2))
}
rdwald <- function(x1, n1, x2, n2, lev) {
  z <- qnorm(1 - (1 - lev) / 2); p1 <- x1 / n1; p2 <- x2 / n2; d <- p1 - p2
  h <- z * sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
  c(max(-1, d - h), min(1, d + h))
}
# Miettinen & Nurminen (1985) score interval for p1 - p2: the restricted MLE under p1 - p2 = delta by the
# closed-form cubic root (Farrington & Manning 1990), variance times N/(N-1); limits where the squared
# score statistic equals z^2, found by uniroot with a tight tolerance (-1 / 1 when no root).
mn.restricted <- function(x1, n1, x2, n2, delta) {
  p1 <- x1 / n1; p2 <- x2 / n2; theta <- n2 / n1
  a <- 1 + theta
  b <- -(1 + theta + p1 + theta * p2 + delta * (theta + 2))
  c <- delta^2 + delta * (2 * p1 + theta + 1) + p1 + theta * p2
  d <- -p1 * delta * (1 + delta)
  v <- b^3 / (27 * a^3) - b * c / (6 * a^2) + d / (2 * a)
  s <- b^2 / (9 * a^2) - c / (3 * a)
  u <- if (v == 0) sqrt(max(0, s)) else sign(v) * sqrt(max(0, s))
  r <- if (u == 0) 1 else v / u^3
  w <- (pi + acos(max(-1, min(1, r)))) / 3
  pt1 <- 2 * u * cos(w) - b / (3 * a)
  pt1 <- min(1, max(0, pt1))
  pt2 <- min(1, max(0, pt1 - delta))
  c(pt1, pt2)
}
mn.z2 <- function(x1, n1, x2, n2, delta) {
  p1 <- x1 / n1; p2 <- x2 / n2; N <- n1 + n2
  num <- p1 - p2 - delta
  if (num == 0) return(0)
  pt <- mn.restricted(x1, n1, x2, n2, delta)
  v <- (pt[1] * (1 - pt[1]) / n1 + pt[2] * (1 - pt[2]) / n2) * N / (N - 1)
  if (v <= 0) return(Inf)
  num^2 / v
}
mn <- function(x1, n1, x2, n2, lev) {
  z2 <- qnorm(1 - (1 - lev) / 2)^2; d <- x1 / n1 - x2 / n2
  f <- function(delta) min(mn.z2(x1, n1, x2, n2, delta), 1e300) - z2
  lo <- if (d <= -1 || f(-1) <= 0) -1 else uniroot(f, c(-1, d), tol = 1e-15, maxiter = 10000)$root
  hi <- if (d >= 1 || f(1) <= 0) 1 else uniroot(f, c(d, 1), tol = 1e-15, maxiter = 10000)$root
  c(lo, hi)
}
# Conditional MLE of the odds ratio and its exact CI: the functions of fisher.test, but with a tight
# uniroot tolerance (fisher.test itself uses uniroot's default tol = eps^0.25, about 1e-4).
cond.or <- function(x1, n1, x2, n2, lev, tol = 1e-14) {
  m <- x1 + x2; nn <- n1 + n2 - m; k <- n1; x <- x1
  lo <- max(0L, k - nn); hi <- min(k, m); support <- lo:hi
  logdc <- dhyper(support, m, nn, k, log = TRUE)
  dnhyper <- function(ncp) { d <- logdc + log(ncp) * support; d <- exp(d - max(d)); d / sum(d) }
  mnhyper <- function(ncp) { if (ncp == 0) return(lo); if (ncp == Inf) return(hi); sum(support * dnhyper(ncp)) }
  pnhyper <- function(q, ncp, upper.tail = FALSE) {
    if (ncp == 1) return(if (upper.tail) phyper(x - 1, m, nn, k, lower.tail = FALSE) else phyper(x, m, nn, k))
    if (ncp == 0) return(as.numeric(if (upper.tail) q <= lo else q >= lo))
    if (ncp == Inf) return(as.numeric(if (upper.tail) q <= hi else q >= hi))
    sum(dnhyper(ncp)[if (upper.tail) support >= q else support <= q])
  }
  mle <- if (x == lo) 0 else if (x == hi) Inf else {
    mu <- mnhyper(1)
    if (mu > x) uniroot(function(t) mnhyper(t) - x, c(0, 1), tol = tol)$root
    else if (mu < x) 1 / uniroot(function(t) mnhyper(1 / t) - x, c(.Machine$double.eps, 1), tol = tol)$root
    else 1
  }
  alpha <- (1 - lev) / 2
  ncp.U <- function(x, alpha) {
    if (x == hi) return(Inf)
    p <- pnhyper(x, 1)
    if (p < alpha) uniroot(function(t) pnhyper(x, t) - alpha, c(0, 1), tol = tol)$root
    else if (p > alpha) 1 / uniroot(function(t) pnhyper(x, 1 / t) - alpha, c(.Machine$double.eps, 1), tol = tol)$root
    else 1
  }
  ncp.L <- function(x, alpha) {
    if (x == lo) return(0)
    p <- pnhyper(x, 1, upper.tail = TRUE)
    if (p > alpha) uniroot(function(t) pnhyper(x, t, upper.tail = TRUE) - alpha, c(0, 1), tol = tol)$root
    else if (p < alpha) 1 / uniroot(function(t) pnhyper(x, 1 / t, upper.tail = TRUE) - alpha, c(.Machine$double.eps, 1), tol = tol)$root
    else 1
  }
  c(mle, ncp.L(x, alpha), ncp.U(x, alpha))
}

pairs <- data.frame(
  x1 = c(25, 34, 7, 25, 11, 0, 0, 5, 10, 10, 3, 0, 1, 40, 120, 17, 1, 50, 2, 9, 30, 6),
  n1 = c(57, 109, 10, 57, 26, 10, 12, 5, 10, 20, 15, 1, 1, 100, 400, 33, 2, 50, 2, 52, 60, 20),
  x2 = c(9, 11, 4, 34, 9, 3, 0, 2, 10, 0, 15, 1, 0, 40, 95, 17, 0, 48, 0, 25, 30, 6),
  n2 = c(52, 26, 9, 109, 52, 10, 15, 8, 10, 25, 15, 1, 1, 120, 410, 30, 3, 50, 1, 57, 60, 20))
rows <- list()
for (i in seq_len(nrow(pairs))) for (lev in c(0.90, 0.95, 0.99)) {
  x1 <- pairs$x1[i]; n1 <- pairs$n1[i]; x2 <- pairs$x2[i]; n2 <- pairs$n2[i]
  tab <- matrix(c(x1, x2, n1 - x1, n2 - x2), 2)
  z <- qnorm(1 - (1 - lev) / 2)
  # RR and OR: metafor's escalc with its default zero-cell handling (add 1/2 to all four cells when any
  # cell is 0, to = "only0"); not estimable (NA) when both groups have 0 responders (RR, OR) or
  # both have only responders (OR): 0/0.
  rr <- escalc("RR", ai = x1, n1i = n1, ci = x2, n2i = n2)
  or <- escalc("OR", ai = x1, n1i = n1, ci = x2, n2i = n2)
  rr.ok <- !(x1 == 0 && x2 == 0)
  or.ok <- rr.ok && !(x1 == n1 && x2 == n2)
  fis <- fisher.test(tab, conf.level = lev)
  cor <- cond.or(x1, n1, x2, n2, lev)
  ch <- suppressWarnings(chisq.test(tab, correct = FALSE))
  chy <- suppressWarnings(chisq.test(tab, correct = TRUE))
  pt <- suppressWarnings(prop.test(c(x1, x2), c(n1, n2), correct = TRUE))
  na <- function(ok, v) if (ok) v else NA
  wa <- rdwald(x1, n1, x2, n2, lev); nc <- newcombe(x1, n1, x2, n2, lev); m <- mn(x1, n1, x2, n2, lev)
  rows[[length(rows) + 1]] <- data.frame(
    x1 = x1, n1 = n1, x2 = x2, n2 = n2, level = lev, rd = x1 / n1 - x2 / n2,
    rd_wald_lower = wa[1], rd_wald_upper = wa[2], rd_newcombe_lower = nc[1], rd_newcombe_upper = nc[2],
    rd_mn_lower = m[1], rd_mn_upper = m[2],
    rr = na(rr.ok, exp(rr$yi)), rr_lower = na(rr.ok, exp(rr$yi - z * sqrt(rr$vi))),
    rr_upper = na(rr.ok, exp(rr$yi + z * sqrt(rr$vi))),
    or = na(or.ok, exp(or$yi)), or_lower = na(or.ok, exp(or$yi - z * sqrt(or$vi))),
    or_upper = na(or.ok, exp(or$yi + z * sqrt(or$vi))),
    fisher_p = fis$p.value,
    fisher_or = na(or.ok, fis$estimate), fisher_or_lower = na(or.ok, fis$conf.int[1]),
    fisher_or_upper = na(or.ok, fis$conf.int[2]),
    cond_or = na(or.ok, cor[1]), cond_or_lower = na(or.ok, cor[2]), cond_or_upper = na(or.ok, cor[3]),
    chisq = ch$statistic, chisq_p = ch$p.value, chisq_yates = chy$statistic, chisq_yates_p = chy$p.value,
    prop_test_p = pt$p.value)
}
write17(do.call(rbind, rows), "two.csv")
print(warnings())
cat("done\n")
