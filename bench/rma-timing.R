# In-process timing of metafor::rma(yi, vi, method = "REML") on the data sets written by
# org.trialmeta.bench.ExportData, and the comparison table against trialmeta's JMH results.
# Called by bench/compare-r.sh; usage:
#   Rscript bench/rma-timing.R DATADIR K_LIST JMH_JSON[,JMH_JSON...] OUT_CSV [MAX_K]
# K_LIST: comma-separated k; MAX_K (default 2000): larger k are skipped, because metafor 3.8's rma.uni forms
# dense k x k matrices (W <- diag(wi, k, k); P <- W - W X (X'WX)^-1 X'W), 8 k^2 bytes each
# (k = 1e5: 80 GB per matrix).
# Timing: after one warm-up call, calls are timed in batches of n (n chosen so a batch lasts >= 0.5 s,
# at least 1), 5 batches (1 when a call takes > 20 s); reported: median and minimum over batches of elapsed/n,
# in ms (proc.time, wall clock). On a shared machine the minimum is the less contended figure.
suppressPackageStartupMessages(library(metafor))
args <- commandArgs(trailingOnly = TRUE)
datadir <- args[1]
ks <- as.integer(strsplit(args[2], ",")[[1]])
jmh_json <- args[3]
out_csv <- args[4]
max_k <- if (length(args) >= 5) as.numeric(args[5]) else 2000
options(digits = 17)

cat(sprintf("%s; metafor %s; BLAS: %s\n", R.version.string, packageVersion("metafor"),
            tryCatch(La_library(), error = function(e) "?")))

ours <- read.csv(file.path(datadir, "trialmeta-fits.csv"))

time_call <- function(f, target = 0.5, batches = 5) {
  t0 <- proc.time()[["elapsed"]]
  f()
  first <- proc.time()[["elapsed"]] - t0
  n <- max(1L, as.integer(ceiling(target / max(first, 1e-4))))
  if (first > 20) batches <- 1
  per <- numeric(batches)
  for (b in seq_len(batches)) {
    t0 <- proc.time()[["elapsed"]]
    for (i in seq_len(n)) f()
    per[b] <- (proc.time()[["elapsed"]] - t0) / n
  }
  list(ms = 1000 * median(per), min_ms = 1000 * min(per), n = n, batches = batches)
}

rows <- list()
for (k in ks) {
  if (k > max_k) {
    cat(sprintf("k = %d: skipped (> MAX_K; metafor rma.uni forms k x k matrices, %.2f GB each)\n", k, 8 * k^2 / 1e9))
    rows[[length(rows) + 1]] <- data.frame(k = k, metafor_ms = NA, metafor_min_ms = NA, calls = 0, tau2 = NA,
                                           tau2_diff = NA, estimate_diff = NA, tau2_tight_diff = NA)
    next
  }
  d <- read.csv(file.path(datadir, sprintf("gen-k%d.csv", k)))
  res <- rma(d$yi, d$vi, method = "REML")
  o <- ours[ours$k == k, ]
  tm <- time_call(function() rma(d$yi, d$vi, method = "REML"))
  # metafor stops when the tau2 change is < 1e-5 (control threshold); a tighter fit shows how far that is
  tight <- if (k <= 1000) rma(d$yi, d$vi, method = "REML", control = list(threshold = 1e-12, maxiter = 1000))$tau2 else NA
  cat(sprintf("k = %d: metafor %.4f ms/call (min %.4f; %d calls x %d batches); tau2 = %.10g (threshold 1e-12: %.10g; trialmeta %.10g)\n",
              k, tm$ms, tm$min_ms, tm$n, tm$batches, res$tau2, tight, o$tau2))
  rows[[length(rows) + 1]] <- data.frame(k = k, metafor_ms = tm$ms, metafor_min_ms = tm$min_ms,
                                         calls = tm$n * tm$batches, tau2 = res$tau2,
                                         tau2_diff = abs(res$tau2 - o$tau2),
                                         estimate_diff = abs(as.numeric(res$beta) - o$estimate),
                                         tau2_tight_diff = abs(tight - o$tau2))
}

# end-to-end from counts at k = 1000: rma(measure = "OR", ai, n1i, ci, n2i) and rma.mh
e2e <- NULL
if (file.exists(file.path(datadir, "counts-k1000.csv"))) {
  cn <- read.csv(file.path(datadir, "counts-k1000.csv"))
  t1 <- time_call(function() rma(measure = "OR", ai = cn$ai, n1i = cn$n1i, ci = cn$ci, n2i = cn$n2i,
                                 method = "REML"))
  t2 <- time_call(function() rma.mh(measure = "OR", ai = cn$ai, n1i = cn$n1i, ci = cn$ci, n2i = cn$n2i))
  e2e <- data.frame(what = c("escalcReml", "mantelHaenszel"), k = 1000, metafor_ms = c(t1$ms, t2$ms),
                    metafor_min_ms = c(t1$min_ms, t2$min_ms))
  cat(sprintf("k = 1000 from counts: rma(measure='OR', ...) %.4f ms, rma.mh %.4f ms\n", t1$ms, t2$ms))
}

tab <- do.call(rbind, rows)
write.csv(tab, out_csv, row.names = FALSE)
if (!is.null(e2e)) write.csv(e2e, sub("\\.csv$", "-counts.csv", out_csv), row.names = FALSE)

# join with JMH (AverageTime, ms/op)
jm <- do.call(c, lapply(strsplit(jmh_json, ",")[[1]], jsonlite::fromJSON, simplifyDataFrame = FALSE))
jmh_ms <- function(bench, k, variant = NULL) {
  for (r in jm) {
    if (!endsWith(r$benchmark, paste0(".", bench))) next
    if (as.integer(r$params$k) != k) next
    if (!is.null(variant) && r$params$variant != variant) next
    # as.numeric: with one measurement iteration JMH writes the error as the string "NaN"
    return(suppressWarnings(as.numeric(c(r$primaryMetric$score, r$primaryMetric$scoreError,
                                         min(as.numeric(unlist(r$primaryMetric$rawData)))))))
  }
  c(NA, NA, NA)
}
cat("\nREML pooling, in-process, same data, same machine (ms per fit; JMH mean ± 99.9% error, and fastest iteration;\n")
cat("metafor median and fastest batch). Speed-up = metafor / trialmeta, on the means and on the minima.\n")
cat(sprintf("%10s  %24s  %12s  %12s  %12s  %9s  %9s  %10s\n", "k", "trialmeta mean ms", "tm min ms",
            "metafor ms", "mf min ms", "speed-up", "(minima)", "|dtau2|"))
for (i in seq_len(nrow(tab))) {
  j <- jmh_ms("fit", tab$k[i], "REML")
  ratio <- tab$metafor_ms[i] / j[1]
  ratio_min <- tab$metafor_min_ms[i] / j[3]
  cat(sprintf("%10d  %12.5f ± %9.5f  %12.5f  %12s  %12s  %9s  %9s  %10s\n", tab$k[i], j[1], j[2], j[3],
              ifelse(is.na(tab$metafor_ms[i]), "skipped", sprintf("%.3f", tab$metafor_ms[i])),
              ifelse(is.na(tab$metafor_min_ms[i]), "-", sprintf("%.3f", tab$metafor_min_ms[i])),
              ifelse(is.na(ratio), "-", sprintf("%.0fx", ratio)),
              ifelse(is.na(ratio_min), "-", sprintf("%.0fx", ratio_min)),
              ifelse(is.na(tab$tau2_diff[i]), "-", sprintf("%.2e", tab$tau2_diff[i]))))
}
if (!is.null(e2e)) {
  for (i in seq_len(nrow(e2e))) {
    j <- jmh_ms(e2e$what[i], 1000)
    cat(sprintf("%-16s k = 1000: trialmeta %.5f ± %.5f ms (min %.5f), metafor %.3f ms (min %.3f), speed-up %.0fx (minima %.0fx)\n",
                e2e$what[i], j[1], j[2], j[3], e2e$metafor_ms[i], e2e$metafor_min_ms[i], e2e$metafor_ms[i] / j[1],
                e2e$metafor_min_ms[i] / j[3]))
  }
}
