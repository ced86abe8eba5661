# Reconstruction benchmark of issue 20, other tools on the same inputs (docs/benchmarks.md, "Reconstruction from
# published curves"). Reads the digitised files that org.trialmeta.bench.ReconstructBench wrote under OUT/files
# (clean, noisy, noisy-gap; per arm a curve file and an at-risk file), runs IPDfromKM (preprocess + getIPD, the
# published numbers at risk, no total events: the files give none) and reconstructKM (format_raw_tabs +
# KM_reconstruct) on each arm, and scores them, together with trialmeta's own output in the same directory
# (OUT/files/*-ipd.csv and *-both.csv), against the true patient data (src/test/resources/kmdata/kmdata-32.csv)
# with one set of definitions for all three tools:
#   |dmedian|  |KM median of truth - of reconstruction| (survival::quantile, R's convention); Inf if only one
#              of the two reaches 0.5, 0 if neither does
#   |dRMST|    |RMST(tau) difference|, tau = the earlier of the two arms' last true times; also relative
#   max|dS|    max |S_true(t) - S_rec(t)| on 1001 times from 0 to min(last true, last reconstructed time); mean|dS|
#   |dlogHR|   per trial, Cox (Efron ties) log HR of the first arm in file order against the second, reconstructed
#              minus true; trialmeta's from its two-arm run (*-both.csv), the others from their two per-arm outputs
# A refused arm is one for which the tool stopped with an error (warnings are counted, not treated as refusals).
# The input files are read as a user would before calling either package: header or not, comma or semicolon with
# decimal comma; a curve whose largest survival exceeds 1.5 is on a 0-100 axis (IPDfromKM: maxy = 100;
# reconstructKM: divided by 100). For reconstructKM the clicks after the foot of the last drop and the top corner
# of that drop are removed (its documented convention: the last click at the end of a vertical segment, later than
# the click before it; it stops otherwise). Nothing else is
# repaired: same inputs as trialmeta's.
#
# Usage: Rscript bench/reconstruct-ipdfromkm.R OUT   (needs IPDfromKM and/or reconstructKM on .libPaths(); see
# docs/benchmarks.md for how they were obtained here). Writes OUT/arms-others.csv and prints the comparison table.
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) > 0) args[1] else "target/bench-reconstruct"
# attached, as its examples do: preprocess() calls dplyr::n() without importing it (fails unless dplyr is attached)
has_ipd <- suppressPackageStartupMessages(require("IPDfromKM", quietly = TRUE, character.only = TRUE))
has_rkm <- requireNamespace("reconstructKM", quietly = TRUE)
if (!has_ipd && !has_rkm) stop("neither IPDfromKM nor reconstructKM is installed")

truth_all <- read.csv("src/test/resources/kmdata/kmdata-32.csv", stringsAsFactors = FALSE)
trials <- unique(truth_all$trial)
safe <- function(s) gsub("[^A-Za-z0-9_]", "_", s)

read_pairs <- function(f) {
  l <- readLines(f, warn = FALSE)
  l <- l[nzchar(trimws(l))]
  if (length(l) > 0 && grepl("[A-Za-z]", l[1])) l <- l[-1]
  if (any(grepl(";", l))) {
    p <- strsplit(l, ";", fixed = TRUE)
    p <- lapply(p, function(x) gsub(",", ".", x, fixed = TRUE))
  } else {
    p <- strsplit(l, ",", fixed = TRUE)
  }
  data.frame(x = as.numeric(vapply(p, `[`, "", 1)), y = as.numeric(vapply(p, `[`, "", 2)))
}

run_ipdfromkm <- function(curve, risk) {
  pct <- max(curve$y) > 1.5
  prep <- IPDfromKM::preprocess(dat = data.frame(time = curve$x, survival = curve$y), trisk = risk$x, nrisk = risk$y, maxy = if (pct) 100 else 1)
  ipd <- IPDfromKM::getIPD(prep = prep, armID = 1, tot.events = NULL)$IPD
  data.frame(time = as.numeric(ipd[[1]]), event = as.integer(ipd[[2]]))
}

run_reconstructkm <- function(curve, risk) {
  if (max(curve$y) > 1.5) curve$y <- curve$y / 100
  # its one documented input convention that the files do not follow: the last click at the foot of a drop
  # (drop the flat tail, then the top corner of the last drop, which has the foot's time)
  curve <- curve[order(curve$x, -curve$y), ]
  n <- nrow(curve)
  while (n > 2 && curve$y[n] >= curve$y[n - 1]) n <- n - 1
  curve <- curve[seq_len(n), ]
  while (n > 2 && curve$x[n] <= curve$x[n - 1]) { curve <- curve[-(n - 1), ]; n <- n - 1 }
  tabs <- reconstructKM::format_raw_tabs(raw_NAR = data.frame(time = risk$x, NAR = risk$y),
                                         raw_surv = data.frame(time = curve$x, survival = curve$y))
  r <- reconstructKM::KM_reconstruct(aug_NAR = tabs$aug_NAR, aug_surv = tabs$aug_surv)
  data.frame(time = r$IPD_time, event = as.integer(r$IPD_event))
}

# Runs f quietly: list(ipd = data frame or NULL, message, warnings).
attempt <- function(f, curve, risk) {
  w <- character(0)
  res <- tryCatch(withCallingHandlers(
    { v <- NULL; utils::capture.output(v <- f(curve, risk)); v },
    warning = function(c) { w <<- c(w, conditionMessage(c)); invokeRestart("muffleWarning") }),
    error = function(e) e)
  if (inherits(res, "error")) return(list(ipd = NULL, message = conditionMessage(res), warnings = length(w)))
  if (nrow(res) == 0 || anyNA(res$time) || anyNA(res$event))
    return(list(ipd = NULL, message = "no usable output (empty or NA)", warnings = length(w)))
  list(ipd = res, message = "", warnings = length(w))
}

km <- function(t, e) survfit(Surv(t, e) ~ 1)
surv_fun <- function(fit) stepfun(fit$time, c(1, fit$surv))
med <- function(fit) unname(quantile(fit, 0.5)$quantile)
rmst <- function(fit, tau) {
  s <- surv_fun(fit)
  k <- c(0, fit$time[fit$time < tau], tau)
  sum(diff(k) * s(k[-length(k)]))
}
compare <- function(tt, te, rt, re, tau) {
  ft <- km(tt, te); fr <- km(rt, re)
  mt <- med(ft); mr <- med(fr)
  sdmed <- if (!is.na(mt) && !is.na(mr)) mr - mt else if (is.na(mt) == is.na(mr)) 0 else NA_real_
  dmed <- if (!is.na(mt) && !is.na(mr)) abs(mt - mr) else if (is.na(mt) == is.na(mr)) 0 else Inf
  r0 <- rmst(ft, tau)
  sdrm <- rmst(fr, tau) - r0
  drm <- abs(sdrm)
  end <- min(max(tt), max(rt))
  x <- end * (0:1000) / 1000
  d <- abs(surv_fun(ft)(x) - surv_fun(fr)(x))
  c(dmed, drm, drm / r0, max(d), mean(d), sdmed, sdrm)
}
log_hr <- function(t0, e0, t1, e1) {
  x <- c(rep(1, length(t0)), rep(0, length(t1)))
  unname(coef(coxph(Surv(c(t0, t1), c(e0, e1)) ~ x, ties = "efron")))
}

tools <- c("trialmeta", if (has_ipd) "IPDfromKM", if (has_rkm) "reconstructKM")
rows <- list()
for (variant in c("clean", "noisy", "noisy-gap")) {
  for (tr in trials) {
    d <- truth_all[truth_all$trial == tr, ]
    arms <- unique(d$arm)
    tru <- lapply(arms, function(a) d[d$arm == a, ])
    tau <- min(max(tru[[1]]$time), max(tru[[2]]$time))
    true_hr <- log_hr(tru[[1]]$time, tru[[1]]$event, tru[[2]]$time, tru[[2]]$event)
    base <- file.path(out, "files", paste0(variant, "-", safe(tr)))
    for (tool in tools) {
      rec <- vector("list", 2)
      for (a in 1:2) {
        stem <- paste0(base, "-", a - 1)
        t0 <- proc.time()[["elapsed"]]
        if (tool == "trialmeta") {
          f <- paste0(stem, "-ipd.csv")
          r <- if (file.exists(f)) {
            x <- read.csv(f); n <- ncol(x)
            list(ipd = data.frame(time = x[[n - 1]], event = x[[n]]), message = "", warnings = 0)
          } else list(ipd = NULL, message = "refused (see arms.csv)", warnings = 0)
        } else {
          curve <- read_pairs(paste0(stem, "-curve.csv"))
          risk <- read_pairs(paste0(stem, "-risk.csv"))
          r <- attempt(if (tool == "IPDfromKM") run_ipdfromkm else run_reconstructkm, curve, risk)
        }
        secs <- proc.time()[["elapsed"]] - t0
        rec[[a]] <- r$ipd
        m <- if (is.null(r$ipd)) rep(NA_real_, 7)
             else compare(tru[[a]]$time, tru[[a]]$event, r$ipd$time, r$ipd$event, tau)
        rows[[length(rows) + 1]] <- data.frame(tool = tool, variant = variant, trial = tr, arm = arms[a],
          n = nrow(tru[[a]]), n_returned = if (is.null(r$ipd)) NA else nrow(r$ipd),
          refused = as.integer(is.null(r$ipd)), message = gsub("[\r\n]+", " ", r$message), warnings = r$warnings,
          abs_d_median = m[1], abs_d_rmst = m[2], rel_d_rmst = m[3], max_abs_d_s = m[4], mean_abs_d_s = m[5],
          d_median = m[6], d_rmst = m[7],
          trial_abs_d_log_hr = NA_real_, seconds = secs, stringsAsFactors = FALSE)
      }
      hr <- NA_real_
      if (tool == "trialmeta") {
        f <- paste0(base, "-both.csv")
        if (file.exists(f)) {
          x <- read.csv(f, stringsAsFactors = FALSE); g <- x[[1]] == x[[1]][1]
          hr <- log_hr(x[[2]][g], x[[3]][g], x[[2]][!g], x[[3]][!g])
        }
      } else if (!is.null(rec[[1]]) && !is.null(rec[[2]])) {
        hr <- tryCatch(log_hr(rec[[1]]$time, rec[[1]]$event, rec[[2]]$time, rec[[2]]$event),
                       error = function(e) NA_real_)
      }
      rows[[length(rows)]]$trial_abs_d_log_hr <- abs(hr - true_hr)
    }
  }
}
res <- do.call(rbind, rows)
write.csv(res, file.path(out, "arms-others.csv"), row.names = FALSE)

f3 <- function(v) if (is.infinite(v)) "inf" else formatC(v, digits = 3, format = "g", flag = "#")
# mean and max over the finite values; "+k" = k arms where only one of truth and reconstruction reaches S = 0.5
cell <- function(v) {
  v <- v[!is.na(v)]; k <- sum(is.infinite(v)); v <- v[is.finite(v)]
  if (length(v) == 0) "-" else paste0(f3(mean(v)), " / ", f3(max(v)), if (k > 0) paste0(" +", k) else "")
}
cat(sprintf("%-13s %-10s %8s %8s %21s %18s %18s %18s %18s\n", "tool", "variant", "refused", "n wrong",
            "|dmedian| mean/max", "|dRMST| mean/max", "max|dS| mean/max", "mean|dS| mean/max", "|dlogHR| mean/max"))
for (variant in c("clean", "noisy", "noisy-gap")) for (tool in tools) {
  x <- res[res$tool == tool & res$variant == variant, ]
  hr <- x$trial_abs_d_log_hr[!is.na(x$trial_abs_d_log_hr)]
  cat(sprintf("%-13s %-10s %5d/%-2d %8d %21s %18s %18s %18s %18s\n", tool, variant, sum(x$refused), nrow(x),
              sum(!is.na(x$n_returned) & x$n_returned != x$n), cell(x$abs_d_median), cell(x$abs_d_rmst),
              cell(x$max_abs_d_s), cell(x$mean_abs_d_s), cell(hr)))
}
