# Reference values for RevMan 5's algorithms (issue 18), written from the formulas of
#   Deeks JJ, Higgins JPT. Statistical algorithms in Review Manager 5. Cochrane Statistical Methods Group, 2010,
# in base R (vectorised, independently of the Java code), and checked here against metafor where the two coincide
# (inverse variance fixed/DL, Mantel-Haenszel OR/RR/RD without zero cells, Peto, MD).
# Produced with R 4.2.2 and metafor 3.8.1; rerun from the repository root:
#   Rscript src/test/r/revman.R
# Writes src/test/resources/r/revman/{inputs.csv, cases.csv, expected.csv}. NA = "Not estimable" / not defined.
suppressMessages(library(metafor))
cat(R.version.string, "\n")
cat("metafor", as.character(packageVersion("metafor")), "\n")
stopifnot(as.character(packageVersion("metafor")) == "3.8.1")

out <- "src/test/resources/r/revman"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
f <- function(x) ifelse(is.na(x) | !is.finite(x), "NA", sprintf("%.17g", x))

# ---------------------------------------------------------------- data sets (group 1 = experimental)
# Fleiss (1993) aspirin after myocardial infarction, as in meta's Fleiss1993.rm5
aspirin <- data.frame(study = c("MRC-1", "CDP", "MRC-2", "GASP", "PARIS", "AMIS", "ISIS-2"),
                      e1 = c(49, 44, 102, 32, 85, 246, 1570), n1 = c(615, 758, 832, 317, 810, 2267, 8587),
                      e2 = c(67, 64, 126, 38, 52, 219, 1720), n2 = c(624, 771, 850, 309, 406, 2257, 8600), grp = 1)
bcg <- with(dat.bcg, data.frame(study = paste(author, year), e1 = tpos, n1 = tpos + tneg, e2 = cpos,
                                n2 = cpos + cneg, grp = ifelse(ablat >= 33, 1, 2)))
bcg[, c("e1", "n1", "e2", "n2")] <- lapply(bcg[, c("e1", "n1", "e2", "n2")], as.numeric)
# sparse tables: zero cells, a double-zero study (a = c = 0), a full study (b = d = 0), two subgroups
sparse <- data.frame(study = c("S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8"),
                     e1 = c(0, 2, 0, 5, 12, 1, 0, 3), n1 = c(20, 25, 15, 40, 12, 30, 22, 18),
                     e2 = c(3, 6, 0, 9, 10, 4, 2, 3), n2 = c(21, 24, 17, 38, 10, 29, 20, 18),
                     grp = c(1, 1, 1, 1, 2, 2, 2, 2))
# Fleiss (1993) mental health treatment, as in meta's Fleiss1993.rm5
mental <- data.frame(study = c("Davis", "Florell", "Gruen", "Hart", "Wilson"),
                     m1 = c(5, 4.9, 22.5, 12.5, 6.5), s1 = c(4.7, 1.71, 3.44, 1.47, 0.76), n1 = c(13, 30, 35, 20, 8),
                     m2 = c(6.5, 6.1, 24.9, 12.3, 7.38), s2 = c(3.8, 2.3, 10.65, 1.66, 1.41), n2 = c(13, 50, 35, 20, 8),
                     grp = 1)
normand <- with(dat.normand1999, data.frame(study = source, m1 = m1i, s1 = sd1i, n1 = n1i, m2 = m2i, s2 = sd2i,
                                            n2 = n2i, grp = ifelse(seq_along(source) <= 4, 1, 2)))
# generic inverse variance: log hazard ratios and SEs; O - E and variance
loghr <- data.frame(study = c("G1", "G2", "G3", "G4", "G5", "G6"),
                    y = log(c(0.72, 0.85, 1.10, 0.64, 0.91, 0.58)), se = c(0.12, 0.20, 0.25, 0.18, 0.09, 0.30),
                    grp = c(1, 1, 1, 2, 2, 2))
oe <- data.frame(study = c("P1", "P2", "P3", "P4", "P5"), oe = c(-5.2, -3.1, 1.4, -8.9, -0.7),
                 v = c(20.5, 14.2, 9.8, 40.1, 6.3), grp = c(1, 1, 2, 2, 2))

# ---------------------------------------------------------------- study effects (RevMan's rules)
dich <- function(d, measure, method) {
  a <- d$e1; b <- d$n1 - d$e1; c <- d$e2; dd <- d$n2 - d$e2
  if (method == "PETO") {
    N <- d$n1 + d$n2; E <- d$n1 * (a + c) / N
    V <- d$n1 * d$n2 * (a + c) * (b + dd) / (N^2 * (N - 1))
    est <- ifelse(V > 0, (a - E) / V, NA); se <- ifelse(V > 0, 1 / sqrt(V), NA)
    return(data.frame(y = est, se = se, k = 0, oe = a - E, v = V))
  }
  zero <- a == 0 | b == 0 | c == 0 | dd == 0
  k <- ifelse(zero, 0.5, 0)
  A <- a + k; B <- b + k; C <- c + k; D <- dd + k; N1 <- A + B; N2 <- C + D
  out <- switch(measure,
                OR = data.frame(y = log(A * D / (B * C)), se = sqrt(1 / A + 1 / B + 1 / C + 1 / D)),
                RR = data.frame(y = log((A / N1) / (C / N2)), se = sqrt(1 / A + 1 / C - 1 / N1 - 1 / N2)),
                RD = data.frame(y = a / d$n1 - c / d$n2, se = sqrt(A * B / N1^3 + C * D / N2^3)))
  ne <- if (measure == "OR") (a == 0 & c == 0) | (b == 0 & dd == 0) else if (measure == "RR") a == 0 & c == 0 else FALSE
  out$y[ne] <- NA; out$se[ne] <- NA
  out$k <- k; out$A <- A; out$B <- B; out$C <- C; out$D <- D
  out
}
cont <- function(d, measure) {
  N <- d$n1 + d$n2
  if (measure == "MD") return(data.frame(y = d$m1 - d$m2, se = sqrt(d$s1^2 / d$n1 + d$s2^2 / d$n2)))
  s <- sqrt(((d$n1 - 1) * d$s1^2 + (d$n2 - 1) * d$s2^2) / (N - 2))
  g <- (1 - 3 / (4 * N - 9)) * (d$m1 - d$m2) / s
  data.frame(y = g, se = sqrt(N / (d$n1 * d$n2) + g^2 / (2 * (N - 3.94))))
}

# ---------------------------------------------------------------- pooling
pool <- function(es, measure, method, random, lev = 0.95) {
  ok <- !is.na(es$y)
  y <- es$y[ok]; v <- es$se[ok]^2; w <- 1 / v; k <- sum(ok)
  wshow <- rep(0, nrow(es))
  if (method == "MH") {
    A <- es$A[ok]; B <- es$B[ok]; C <- es$C[ok]; D <- es$D[ok]; N1 <- A + B; N2 <- C + D; N <- N1 + N2
    if (measure == "OR") {
      R <- A * D / N; S <- B * C / N; P <- (A + D) / N; Q <- (B + C) / N
      fe <- log(sum(R) / sum(S))
      sefe <- sqrt(sum(P * R) / (2 * sum(R)^2) + sum(P * S + Q * R) / (2 * sum(R) * sum(S)) +
                   sum(Q * S) / (2 * sum(S)^2))
      wshow[ok] <- S
    } else if (measure == "RR") {
      R <- A * N2 / N; S <- C * N1 / N; P <- (N1 * N2 * (A + C) - A * C * N) / N^2
      fe <- log(sum(R) / sum(S)); sefe <- sqrt(sum(P) / (sum(R) * sum(S)))
      wshow[ok] <- S
    } else {
      W <- N1 * N2 / N
      fe <- sum(W * y) / sum(W)
      sefe <- sqrt(sum((A * B * N2^3 + C * D * N1^3) / (N1 * N2 * N^2)) / sum(W)^2)
      wshow[ok] <- W
    }
  } else {
    fe <- sum(w * y) / sum(w); sefe <- sqrt(1 / sum(w)); wshow[ok] <- w
  }
  Q <- sum(w * (y - fe)^2); df <- k - 1
  est <- fe; se <- sefe; tau2 <- NA
  if (random) {
    tau2 <- if (df > 0) max(0, (Q - df) / (sum(w) - sum(w^2) / sum(w))) else 0
    wr <- 1 / (v + tau2); est <- sum(wr * y) / sum(wr); se <- sqrt(1 / sum(wr)); wshow[ok] <- wr
  }
  z <- qnorm(1 - (1 - lev) / 2)
  list(k = k, estimate = est, se = se, ci_lower = est - z * se, ci_upper = est + z * se, z = abs(est) / se,
       p_z = 2 * pnorm(-abs(est) / se), tau2 = tau2, chi2 = Q, df = df,
       p_chi2 = if (df > 0) pchisq(Q, df, lower.tail = FALSE) else NA,
       i2 = if (df > 0) max(0, 100 * (Q - df) / Q) else NA, w = wshow)
}

# ---------------------------------------------------------------- cases
rows <- list()
emit <- function(case, part, what, value) rows[[length(rows) + 1]] <<- c(case, part, what, f(value))
cases <- list()
inputs <- list()

run <- function(case, dataset, d, type, measure, method, random, subgroups) {
  cases[[length(cases) + 1]] <<- c(case, dataset, type, measure, method, random, subgroups)
  effects <- function(dd) switch(type, dichotomous = dich(dd, measure, method), continuous = cont(dd, measure),
                                 generic = data.frame(y = dd$y, se = dd$se),
                                 oe = data.frame(y = dd$oe / dd$v, se = 1 / sqrt(dd$v)))
  es <- effects(d)
  tot <- pool(es, measure, method, random)
  for (q in c("k", "estimate", "se", "ci_lower", "ci_upper", "z", "p_z", "tau2", "chi2", "df", "p_chi2", "i2"))
    emit(case, "total", q, tot[[q]])
  z <- qnorm(0.975)
  for (i in seq_len(nrow(d))) {
    emit(case, paste0("study:", i - 1), "estimate", es$y[i])
    emit(case, paste0("study:", i - 1), "ci_lower", es$y[i] - z * es$se[i])
    emit(case, paste0("study:", i - 1), "ci_upper", es$y[i] + z * es$se[i])
    emit(case, paste0("study:", i - 1), "weight", 100 * tot$w[i] / sum(tot$w))
  }
  if (subgroups) {
    g <- sort(unique(d$grp)); est <- c(); se <- c()
    for (j in seq_along(g)) {
      sel <- d$grp == g[j]
      p <- pool(es[sel, , drop = FALSE], measure, method, random)
      for (q in c("k", "estimate", "se", "ci_lower", "ci_upper", "z", "p_z", "tau2", "chi2", "df", "p_chi2", "i2"))
        emit(case, paste0("subgroup:", j - 1), q, p[[q]])
      emit(case, paste0("subgroup:", j - 1), "weight", 100 * sum(tot$w[sel]) / sum(tot$w))
      if (p$k > 0) { est <- c(est, p$estimate); se <- c(se, p$se) }
    }
    w <- 1 / se^2; m <- sum(w * est) / sum(w); Qb <- sum(w * (est - m)^2); dfb <- length(est) - 1
    emit(case, "test", "chi2", Qb); emit(case, "test", "df", dfb)
    emit(case, "test", "p", pchisq(Qb, dfb, lower.tail = FALSE))
    emit(case, "test", "i2", max(0, 100 * (Qb - dfb) / Qb))
  }
  invisible(list(es = es, tot = tot))
}

for (ds in c("aspirin", "bcg", "sparse")) {
  d <- get(ds); sg <- length(unique(d$grp)) > 1
  for (m in c("OR", "RR", "RD")) for (meth in c("MH", "IV")) for (r in c(FALSE, TRUE))
    run(paste(ds, meth, m, if (r) "random" else "fixed", sep = "_"), ds, d, "dichotomous", m, meth, r, sg)
  run(paste(ds, "PETO_OR_fixed", sep = "_"), ds, d, "dichotomous", "PETO_OR", "PETO", FALSE, sg)
}
for (ds in c("mental", "normand")) {
  d <- get(ds); sg <- length(unique(d$grp)) > 1
  for (m in c("MD", "SMD")) for (r in c(FALSE, TRUE))
    run(paste(ds, "IV", m, if (r) "random" else "fixed", sep = "_"), ds, d, "continuous", m, "IV", r, sg)
}
for (r in c(FALSE, TRUE)) run(paste0("loghr_IV_RATIO_", if (r) "random" else "fixed"), "loghr", loghr, "generic",
                              "RATIO", "IV", r, TRUE)
for (r in c(FALSE, TRUE)) run(paste0("oe_PETO_RATIO_", if (r) "random" else "fixed"), "oe", oe, "oe", "RATIO",
                              "PETO", r, TRUE)

# ---------------------------------------------------------------- cross-checks against metafor (where equal)
chk <- function(a, b, what) if (abs(a - b) > 1e-10 * max(1, abs(b))) stop(what, ": ", a, " vs ", b)
for (m in c("OR", "RR", "RD")) {
  h <- run("tmp", "aspirin", aspirin, "dichotomous", m, "MH", FALSE, FALSE)
  mh <- rma.mh(ai = e1, n1i = n1, ci = e2, n2i = n2, data = aspirin, measure = m)
  chk(h$tot$estimate, as.numeric(mh$beta), paste("MH", m))
  # RD: metafor's SE is Sato, Greenland & Robins (1989); RevMan uses Greenland & Robins (1985)
  if (m != "RD") chk(h$tot$se, mh$se, paste("MH se", m))
  h <- run("tmp", "bcg", bcg, "dichotomous", m, "IV", TRUE, FALSE)
  re <- rma(measure = m, ai = e1, n1i = n1, ci = e2, n2i = n2, data = bcg, method = "DL")
  chk(h$tot$estimate, as.numeric(re$beta), paste("DL", m)); chk(h$tot$tau2, re$tau2, paste("tau2", m))
  chk(h$tot$chi2, re$QE, paste("Q", m))
}
h <- run("tmp", "aspirin", aspirin, "dichotomous", "PETO_OR", "PETO", FALSE, FALSE)
pe <- rma.peto(ai = e1, n1i = n1, ci = e2, n2i = n2, data = aspirin)
chk(h$tot$estimate, as.numeric(pe$beta), "Peto"); chk(h$tot$chi2, pe$QE, "Peto Q")
h <- run("tmp", "mental", mental, "continuous", "MD", "IV", TRUE, FALSE)
re <- rma(measure = "MD", m1i = m1, sd1i = s1, n1i = n1, m2i = m2, sd2i = s2, n2i = n2, data = mental, method = "DL")
chk(h$tot$estimate, as.numeric(re$beta), "MD DL"); chk(h$tot$tau2, re$tau2, "MD tau2")
# RevMan's "M-H, Random" tau2 (Q about the MH estimate) against metafor's DL (Q about the IV estimate), BCG RR:
h <- run("tmp", "bcg", bcg, "dichotomous", "RR", "MH", TRUE, FALSE)
re <- rma(measure = "RR", ai = e1, n1i = n1, ci = e2, n2i = n2, data = bcg, method = "DL")
cat(sprintf("BCG RR: RevMan M-H random tau2 %.6f, metafor DL tau2 %.6f\n", h$tot$tau2, re$tau2))
cases <- cases[sapply(cases, `[`, 1) != "tmp"]
rows <- rows[sapply(rows, `[`, 1) != "tmp"]

# ---------------------------------------------------------------- write
wr <- function(df, name) write.csv(df, file.path(out, name), row.names = FALSE, quote = TRUE)
long <- function(name, d) {
  d$dataset <- name
  cols <- setdiff(names(d), c("dataset", "study"))
  do.call(rbind, lapply(seq_len(nrow(d)), function(i) data.frame(dataset = name, row = i - 1, study = d$study[i],
                                                               column = cols, value = f(unlist(d[i, cols])))))
}
wr(do.call(rbind, lapply(c("aspirin", "bcg", "sparse", "mental", "normand", "loghr", "oe"),
                         function(n) long(n, get(n)))), "inputs.csv")
wr(setNames(as.data.frame(do.call(rbind, cases)),
            c("case", "dataset", "type", "measure", "method", "random", "subgroups")), "cases.csv")
wr(setNames(as.data.frame(do.call(rbind, rows)), c("case", "part", "quantity", "value")), "expected.csv")
cat("cases:", length(cases), " values:", length(rows), "\n")

# ---------------------------------------------------------------- a synthetic RevMan file of these data sets
# src/test/resources/revman/synthetic.rm5: the cases below as RevMan outcomes (no stored results), so that the
# command's reading and mapping are tested against the same expected values. Generic data: EFFECT_SIZE on the
# display scale (the hazard ratio) with LOG_DATA="YES", SE of the log, as RevMan writes them.
x <- function(s) gsub("\"", "&quot;", gsub("<", "&lt;", gsub("&", "&amp;", s)))
syn <- list(
  list(cmp = 1, no = 1, case = "sparse_MH_RR_random", ds = "sparse", type = "DICH", em = "RR", meth = "MH", rnd = "YES"),
  list(cmp = 1, no = 2, case = "sparse_MH_OR_fixed", ds = "sparse", type = "DICH", em = "OR", meth = "MH", rnd = "NO"),
  list(cmp = 1, no = 3, case = "sparse_MH_RD_random", ds = "sparse", type = "DICH", em = "RD", meth = "MH", rnd = "YES"),
  list(cmp = 1, no = 4, case = "sparse_PETO_OR_fixed", ds = "sparse", type = "DICH", em = "PETO_OR", meth = "PETO", rnd = "NO"),
  list(cmp = 1, no = 5, case = "bcg_IV_OR_random", ds = "bcg", type = "DICH", em = "OR", meth = "IV", rnd = "YES"),
  list(cmp = 2, no = 1, case = "normand_IV_SMD_random", ds = "normand", type = "CONT", em = "SMD", meth = "IV", rnd = "YES"),
  list(cmp = 2, no = 2, case = "normand_IV_MD_fixed", ds = "normand", type = "CONT", em = "MD", meth = "IV", rnd = "NO"),
  list(cmp = 3, no = 1, case = "loghr_IV_RATIO_random", ds = "loghr", type = "IV", em = "Hazard Ratio", meth = "IV", rnd = "YES"),
  list(cmp = 3, no = 2, case = "oe_PETO_RATIO_fixed", ds = "oe", type = "IPD", em = "Peto Odds Ratio", meth = "", rnd = "NO"))
g <- function(v) sprintf("%.17g", v)
datarow <- function(type, d, i) {
  id <- paste0("STD-", gsub("[^A-Za-z0-9]", "_", d$study[i]))
  switch(type,
    DICH = sprintf('<DICH_DATA EVENTS_1="%s" EVENTS_2="%s" STUDY_ID="%s" TOTAL_1="%s" TOTAL_2="%s"/>',
                   g(d$e1[i]), g(d$e2[i]), id, g(d$n1[i]), g(d$n2[i])),
    CONT = sprintf('<CONT_DATA MEAN_1="%s" MEAN_2="%s" SD_1="%s" SD_2="%s" STUDY_ID="%s" TOTAL_1="%s" TOTAL_2="%s"/>',
                   g(d$m1[i]), g(d$m2[i]), g(d$s1[i]), g(d$s2[i]), id, g(d$n1[i]), g(d$n2[i])),
    IV = sprintf('<IV_DATA EFFECT_SIZE="%s" SE="%s" STUDY_ID="%s"/>', g(exp(d$y[i])), g(d$se[i]), id),
    IPD = sprintf('<IPD_DATA O_E="%s" STUDY_ID="%s" VAR="%s"/>', g(d$oe[i]), id, g(d$v[i])))
}
lines <- c('<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
           '<COCHRANE_REVIEW ID="synthetic" REVMAN_VERSION="5" TYPE="INTERVENTION">',
           '<COVER_SHEET><TITLE>Synthetic review for trialmeta tests (src/test/r/revman.R)</TITLE></COVER_SHEET>',
           '<STUDIES_AND_REFERENCES><STUDIES><INCLUDED_STUDIES>')
for (ds in unique(sapply(syn, `[[`, "ds"))) {
  d <- get(ds)
  for (i in seq_len(nrow(d)))
    lines <- c(lines, sprintf('<STUDY ID="STD-%s" NAME="%s" YEAR=""/>', gsub("[^A-Za-z0-9]", "_", d$study[i]), x(d$study[i])))
}
lines <- c(lines, '</INCLUDED_STUDIES></STUDIES></STUDIES_AND_REFERENCES>', '<ANALYSES_AND_DATA CALCULATED_DATA="NO">')
for (cmp in 1:3) {
  lines <- c(lines, sprintf('<COMPARISON ID="CMP-%03d" NO="%d"><NAME>Comparison %d</NAME>', cmp, cmp, cmp))
  for (s in Filter(function(s) s$cmp == cmp, syn)) {
    d <- get(s$ds); sg <- length(unique(d$grp)) > 1; oid <- sprintf("CMP-%03d.%02d", cmp, s$no)
    attrs <- sprintf('CI_STUDY="95" CI_TOTAL="95" ID="%s" NO="%d" RANDOM="%s" SUBGROUPS="%s" SUBGROUP_TEST="YES" TOTALS="YES"',
                     oid, s$no, s$rnd, if (sg) "YES" else "NO")
    if (s$type %in% c("DICH", "CONT")) attrs <- paste0(attrs, sprintf(' EFFECT_MEASURE="%s" METHOD="%s"', s$em, s$meth))
    if (s$type == "IV") attrs <- paste0(attrs, ' LOG_DATA="YES" METHOD="IV"')
    lines <- c(lines, sprintf('<%s_OUTCOME %s>', s$type, attrs), sprintf('<NAME>%s</NAME>', s$case),
               '<GROUP_LABEL_1>Treatment</GROUP_LABEL_1><GROUP_LABEL_2>Control</GROUP_LABEL_2>',
               '<GRAPH_LABEL_1>Favours treatment</GRAPH_LABEL_1><GRAPH_LABEL_2>Favours control</GRAPH_LABEL_2>')
    if (s$type %in% c("IV", "IPD")) lines <- c(lines, sprintf('<EFFECT_MEASURE>%s</EFFECT_MEASURE>', s$em))
    if (sg) {
      for (j in sort(unique(d$grp))) {
        lines <- c(lines, sprintf('<%s_SUBGROUP ID="%s.%02d" NO="%d"><NAME>Subgroup %d</NAME>', s$type, oid, j, j, j))
        for (i in which(d$grp == j)) lines <- c(lines, datarow(s$type, d, i))
        lines <- c(lines, sprintf('</%s_SUBGROUP>', s$type))
      }
    } else for (i in seq_len(nrow(d))) lines <- c(lines, datarow(s$type, d, i))
    lines <- c(lines, sprintf('</%s_OUTCOME>', s$type))
  }
  lines <- c(lines, '</COMPARISON>')
}
lines <- c(lines, '</ANALYSES_AND_DATA>', '</COCHRANE_REVIEW>')
writeLines(lines, "src/test/resources/revman/synthetic.rm5", useBytes = TRUE)
wr(data.frame(outcome = sapply(syn, function(s) sprintf("CMP-%03d.%02d", s$cmp, s$no)),
              case = sapply(syn, `[[`, "case")), "synthetic_outcomes.csv")
