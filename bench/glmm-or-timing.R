# Timing of metafor::rma.glmm(measure = "OR", model = "UM.FS") (lme4::glmer, nAGQ = 7, k + 2 parameters) on the CSV
# written by bench/GlmmOrTiming.java.
# Usage: Rscript bench/glmm-or-timing.R target/bench/glmm-or-k100.csv [RUNS]
# RUNS (default 1) timed calls, no warm-up (one fit takes minutes from k = 200 on); prints wall and CPU time
# (user + system of this process, proc.time) per call and the fit, with lme4's convergence warnings.
suppressPackageStartupMessages({library(metafor); library(lme4)})
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
runs <- if (length(args) >= 2) as.integer(args[2]) else 1L
cat(sprintf("%s; metafor %s; lme4 %s\n", R.version.string, packageVersion("metafor"), packageVersion("lme4")))
for (i in seq_len(runs)) {
  w <- character(0)
  t0 <- proc.time()
  res <- withCallingHandlers(rma.glmm(measure = "OR", ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = d, model = "UM.FS"),
                             warning = function(x) { w <<- c(w, conditionMessage(x)); invokeRestart("muffleWarning") })
  t <- proc.time() - t0
  cat(sprintf("k=%d wall_ms=%.0f cpu_ms=%.0f\n", nrow(d), 1000 * t[["elapsed"]],
              1000 * (t[["user.self"]] + t[["sys.self"]])))
  cat(sprintf("estimate=%.10f se=%.10f tau2=%.10f\n", res$b[1], res$se, res$tau2))
  if (length(w)) cat("warnings:", paste(unique(w), collapse = " | "), "\n")
}
