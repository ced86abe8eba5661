# Reference values for the network of randomised LGSOC trials built from trials/ (org.trialmeta.analysis.TrialNetwork).
# Run from the repository root:  Rscript src/test/r/lgsoc_network.R
# Produced with: R version 4.2.2 Patched (2022-11-10 r83330), metafor 3.8.1 (printed on each run).
# The counts and hazard ratios are typed here from the trial files (trials/milo.yaml, trials/gog-281.yaml), not read
# from any trialmeta output:
#   MILO/ENGOT-ov11  ORR binimetinib 32/201 vs physician's choice chemotherapy 13/102; PFS HR 1.21 (0.79-1.86)
#   GOG 281/LOGS     ORR trametinib 34/130 vs standard of care 8/130;              PFS HR 0.48 (0.36-0.64)
# Two networks: "as randomised" (each trial's comparator its own node: two components, direct comparisons only)
# and "pooled" (both comparators one node, SoC/PCC: trametinib vs binimetinib through it), common-effect model
#   rma.mv(yi, V, mods = ~ X - 1)   (netmeta's fixed model; V diagonal: two-arm studies)
# Writes src/test/resources/r/lgsoc-network/values.csv (key,value; %.17g).
suppressMessages(library(metafor))
cat(R.version.string, "\n"); cat("metafor", as.character(packageVersion("metafor")), "\n")
out <- "src/test/resources/r/lgsoc-network"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
rows <- list()
put <- function(key, v) rows[[length(rows) + 1]] <<- data.frame(key = key, value = sprintf("%.17g", v))

# ORR: log odds ratios, experimental vs control, escalc (no zero cells, so no correction)
orr <- escalc(measure = "OR", ai = c(32, 34), n1i = c(201, 130), ci = c(13, 8), n2i = c(102, 130))
# PFS: log HR and its variance from the 95% CI
hr <- c(1.21, 0.48); lo <- c(0.79, 0.36); hi <- c(1.86, 0.64)
pfs <- data.frame(yi = log(hr), vi = ((log(hi) - log(lo)) / (2 * qnorm(0.975)))^2)
studies <- c("milo", "gog281")

for (ep in c("orr", "pfs")) {
  d <- if (ep == "orr") orr else pfs
  # as randomised: each study alone is the whole evidence for its comparison
  for (i in 1:2) {
    f <- rma(yi = d$yi[i], vi = d$vi[i], method = "FE")
    put(sprintf("%s.direct.%s.estimate", ep, studies[i]), f$b[1])
    put(sprintf("%s.direct.%s.se", ep, studies[i]), f$se)
    put(sprintf("%s.direct.%s.ci_lower", ep, studies[i]), f$ci.lb)
    put(sprintf("%s.direct.%s.ci_upper", ep, studies[i]), f$ci.ub)
    put(sprintf("%s.direct.%s.pval", ep, studies[i]), f$pval)
  }
  # pooled comparators: treatments binimetinib, trametinib vs the SoC/PCC reference
  X <- cbind(binimetinib = c(1, 0), trametinib = c(0, 1))
  f <- rma.mv(yi = d$yi, V = diag(d$vi), mods = ~ X - 1)
  put(sprintf("%s.pooled.binimetinib.estimate", ep), f$b[1])
  put(sprintf("%s.pooled.binimetinib.se", ep), f$se[1])
  put(sprintf("%s.pooled.trametinib.estimate", ep), f$b[2])
  put(sprintf("%s.pooled.trametinib.se", ep), f$se[2])
  # each MEK inhibitor vs the pooled comparator node: the model's coefficients, Wald CI and z-test p
  for (j in 1:2) {
    tr <- c("binimetinib", "trametinib")[j]
    put(sprintf("%s.pooled.%s.ci_lower", ep, tr), f$ci.lb[j])
    put(sprintf("%s.pooled.%s.ci_upper", ep, tr), f$ci.ub[j])
    put(sprintf("%s.pooled.%s.pval", ep, tr), f$pval[j])
  }
  # trametinib vs binimetinib: the indirect comparison (Bucher 1997), c' = (-1, 1)
  pr <- predict(f, newmods = c(-1, 1))
  put(sprintf("%s.pooled.trametinib_vs_binimetinib.estimate", ep), pr$pred)
  put(sprintf("%s.pooled.trametinib_vs_binimetinib.se", ep), pr$se)
  put(sprintf("%s.pooled.trametinib_vs_binimetinib.ci_lower", ep), pr$ci.lb)
  put(sprintf("%s.pooled.trametinib_vs_binimetinib.ci_upper", ep), pr$ci.ub)
  put(sprintf("%s.pooled.trametinib_vs_binimetinib.pval", ep), 2 * pnorm(-abs(pr$pred / pr$se)))
  put(sprintf("%s.pooled.qe", ep), f$QE)
}
write.csv(do.call(rbind, rows), file.path(out, "values.csv"), row.names = FALSE, quote = FALSE)
