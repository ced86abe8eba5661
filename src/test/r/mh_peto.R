# Reference values for Mantel-Haenszel (OR, RR, RD) and Peto odds-ratio pooling.
# Produced with: R version 4.2.2 Patched (2022-11-10 r83330), metafor 3.8.1 (metadat datasets).
# The script prints the versions it ran with; rerun from the repository root:
#   Rscript src/test/r/mh_peto.R
# Writes src/test/resources/r/mhpeto/{input_<dataset>.csv, cases.csv, results.csv, studies.csv}.
# Numbers are written with sprintf("%.17g"); NA (metafor's "not estimable") is written as NA.
suppressMessages(library(metafor))
cat(R.version.string, "\n")
cat("metafor", as.character(packageVersion("metafor")), "\n")
stopifnot(as.character(packageVersion("metafor")) == "3.8.1")

out <- "src/test/resources/r/mhpeto"
dir.create(out, recursive = TRUE, showWarnings = FALSE)

f <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))

# ---- datasets: study, ai, n1i, ci, n2i ----
bcg <- with(dat.bcg, data.frame(study = paste(author, year), ai = tpos, n1i = tpos + tneg,
                                ci = cpos, n2i = cpos + cneg))
niel <- with(dat.nielweise2007, data.frame(study = paste(author, year), ai, n1i, ci, n2i))
col <- dat.collins1985a[complete.cases(dat.collins1985a[, c("d.xti", "d.xci")]), ]
collins <- with(col, data.frame(study = paste(trial, year), ai = d.xti, n1i = nti, ci = d.xci, n2i = nci))
y6 <- dat.yusuf1985[dat.yusuf1985$table == "6", ]
y6 <- y6[complete.cases(y6[, c("ai", "n1i", "ci", "n2i")]), ]
yusuf6 <- with(y6, data.frame(study = trial, ai, n1i, ci, n2i))
hine <- with(dat.hine1989, data.frame(study = source, ai, n1i, ci, n2i))
bcg2 <- bcg[1:2, ]
bcg1 <- bcg[1, ]
niel1 <- niel[1, ]                                     # k = 1 with a zero cell
allzero <- data.frame(study = c("A", "B", "C"), ai = 0, n1i = c(10, 20, 30), ci = 0, n2i = c(12, 18, 25))
noevents1 <- data.frame(study = c("A", "B", "C"), ai = 0, n1i = c(10, 20, 30), ci = c(2, 0, 5), n2i = c(12, 18, 25))
allevents <- data.frame(study = c("A", "B"), ai = c(10, 20), n1i = c(10, 20), ci = c(12, 18), n2i = c(12, 18))
# one table with only events, one with no events: CMH variance 0 (metafor: Inf), nothing else estimable
degenerate <- data.frame(study = c("A", "B"), ai = c(10, 0), n1i = c(10, 20), ci = c(12, 0), n2i = c(12, 18))
# a full group (bi = 0) next to ordinary tables
fullgroup <- data.frame(study = c("A", "B", "C"), ai = c(15, 3, 7), n1i = c(15, 40, 30), ci = c(9, 5, 2), n2i = c(14, 41, 33))

datasets <- list(bcg = bcg, nielweise2007 = niel, collins1985a = collins, yusuf1985t6 = yusuf6,
                 hine1989 = hine, bcg2 = bcg2, bcg1 = bcg1, nielweise1 = niel1,
                 allzero = allzero, noevents1 = noevents1, allevents = allevents, degenerate = degenerate,
                 fullgroup = fullgroup)
# seeded random sparse tables (many zero and full cells) for a differential check of the edge cases
set.seed(20261125)
random <- list()
for (r in 1:100) {
  k <- sample(1:6, 1)
  n1i <- sample(1:15, k, replace = TRUE); n2i <- sample(1:15, k, replace = TRUE)
  pick <- function(n) { u <- sample(0:3, 1); if (u == 0) 0 else if (u == 1) n else sample(0:n, 1) }
  random[[r]] <- data.frame(study = paste0("r", r, "_", 1:k), ai = sapply(n1i, pick), n1i = n1i,
                            ci = sapply(n2i, pick), n2i = n2i)
}
names(random) <- paste0("random", 1:100)
write.csv(do.call(rbind, Map(function(nm, d) cbind(set = nm, d), names(random), random)),
          file.path(out, "random_inputs.csv"), row.names = FALSE, quote = TRUE)

for (nm in names(datasets)) {
  d <- datasets[[nm]]
  write.csv(d, file.path(out, paste0("input_", nm, ".csv")), row.names = FALSE, quote = TRUE)
}

cases <- list(); results <- list(); studies <- list()

runcase <- function(id, ds, method, measure, level = 95, add = 1/2, to = "only0", drop00 = TRUE, correct = TRUE) {
  d <- if (startsWith(ds, "random")) random[[ds]] else datasets[[ds]]
  res <- tryCatch(suppressWarnings(
    if (method == "MH") {
      rma.mh(ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = d, measure = measure, level = level,
             add = add, to = to, drop00 = drop00, correct = correct)
    } else {
      rma.peto(ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = d, level = level,
               add = add, to = to, drop00 = drop00)
    }), error = function(e) conditionMessage(e))
  err <- if (is.character(res)) res else ""
  cases[[length(cases) + 1]] <<- data.frame(case = id, dataset = ds, method = method, measure = measure,
    level = level, add = add, to = to, drop00 = drop00, correct = correct, error = err)
  if (is.character(res)) return(invisible())
  q <- list(estimate = res$beta, se = res$se, zval = res$zval, pval = res$pval,
            ci_lb = res$ci.lb, ci_ub = res$ci.ub, QE = res$QE, QEp = res$QEp, I2 = res$I2, H2 = res$H2,
            k = res$k, k_yi = res$k.yi)
  if (measure != "RD") {
    q$exp_estimate <- exp(res$beta); q$exp_ci_lb <- exp(res$ci.lb); q$exp_ci_ub <- exp(res$ci.ub)
  }
  if (method == "MH" && measure == "OR") {
    q$CMH <- res$MH; q$CMHp <- res$MHp; q$CO <- res$CO; q$COp <- res$COp
    q$TA <- res$TA; q$TAp <- res$TAp; q$BD <- res$BD; q$BDp <- res$BDp; q$k_pos <- res$k.pos
  }
  if (method == "PETO") q$k_pos <- res$k.pos
  results[[length(results) + 1]] <<- data.frame(case = id, quantity = names(q),
                                                value = vapply(q, function(v) f(unname(v)[1]), ""))
  w <- weights(res)
  studies[[length(studies) + 1]] <<- data.frame(case = id, index = seq_along(res$yi.f),
                                                yi = f(res$yi.f), vi = f(res$vi.f), weight = f(unname(w)))
}

for (ds in names(datasets)) {
  for (m in c("OR", "RR", "RD")) runcase(paste0(ds, "_MH_", m), ds, "MH", m)
  runcase(paste0(ds, "_PETO_OR"), ds, "PETO", "OR")
}
# settings other than the defaults
runcase("bcg_MH_OR_level90_uncorrected", "bcg", "MH", "OR", level = 90, correct = FALSE)
runcase("bcg_MH_RR_level99", "bcg", "MH", "RR", level = 99)
runcase("bcg_MH_RD_level80", "bcg", "MH", "RD", level = 80)
runcase("bcg_PETO_OR_level90", "bcg", "PETO", "OR", level = 90)
for (m in c("OR", "RR", "RD")) {
  runcase(paste0("nielweise2007_MH_", m, "_toall"), "nielweise2007", "MH", m, to = "all")
  runcase(paste0("yusuf1985t6_MH_", m, "_keep00"), "yusuf1985t6", "MH", m, drop00 = FALSE)
  runcase(paste0("collins1985a_MH_", m, "_add0.1_if0all"), "collins1985a", "MH", m, add = 0.1, to = "if0all")
}
runcase("nielweise2007_PETO_OR_toall", "nielweise2007", "PETO", "OR", to = "all")
runcase("yusuf1985t6_PETO_OR_keep00", "yusuf1985t6", "PETO", "OR", drop00 = FALSE)
runcase("collins1985a_PETO_OR_none", "collins1985a", "PETO", "OR", to = "none")
runcase("collins1985a_MH_OR_none", "collins1985a", "MH", "OR", to = "none")

for (r in seq_along(random)) {
  ds <- names(random)[r]
  level <- sample(c(80, 90, 95, 99), 1); add <- sample(c(0.5, 0, 0.25), 1)
  to <- sample(c("only0", "all", "if0all", "none"), 1); drop00 <- sample(c(TRUE, FALSE), 1)
  correct <- sample(c(TRUE, FALSE), 1)
  for (m in c("OR", "RR", "RD")) runcase(paste0(ds, "_MH_", m), ds, "MH", m, level, add, to, drop00, correct)
  runcase(paste0(ds, "_PETO_OR"), ds, "PETO", "OR", level, add, to, drop00, correct)
}

write.csv(do.call(rbind, cases), file.path(out, "cases.csv"), row.names = FALSE, quote = TRUE)
write.csv(do.call(rbind, results), file.path(out, "results.csv"), row.names = FALSE, quote = TRUE)
write.csv(do.call(rbind, studies), file.path(out, "studies.csv"), row.names = FALSE, quote = TRUE)
cat("cases:", length(cases), "\n")
