# Kaplan-Meier figures drawn by R from patient data we know, for DigitiseCommandTest (the round trip image ->
# curves -> reconstructed patients -> median and HR, against the patient data). NCCTG lung trial (survival's
# `lung`; Loprinzi CL et al. J Clin Oncol 1994;12:601-607), survival by sex, time in days.
# Two styles at two sizes: base R plot.survfit (coloured curves, censor marks, legend inside the plot, grey grid
# drawn over the curves) and survminer::ggsurvplot (confidence bands, censor marks, p-value text, legend above).
# R 4.2.2, survival 3.5.3, survminer 0.4.9, ggplot2 3.4.1 (Debian packages r-cran-survminer, r-cran-ggplot2).
# Run from the repository root: Rscript src/test/r/km_figures.R
suppressMessages({library(survival); library(survminer)})
out <- "src/test/resources/digitise"
fit <- survfit(Surv(time, status) ~ sex, data = lung)
cols <- c("#1f77b4", "#ff7f0e")   # male (sex = 1), female (sex = 2)

base <- function(file, width, height, res) {
  png(file.path(out, file), width = width, height = height, res = res)
  par(mar = c(4.5, 4.5, 1, 1))
  plot(fit, col = cols, lwd = 2, mark.time = TRUE, xlab = "Days", ylab = "Survival probability",
       xlim = c(0, 1000), xaxt = "n", las = 1)
  axis(1, at = seq(0, 1000, by = 200))
  abline(h = seq(0.2, 0.8, by = 0.2), col = "grey85", lwd = 1)
  legend("topright", legend = c("Male", "Female"), col = cols, lwd = 2, bty = "n")
  invisible(dev.off())
}
base("base-small.png", 640, 480, 96)
base("base-large.png", 1600, 1200, 200)

gg <- function(file, width, height, res) {
  p <- ggsurvplot(fit, data = lung, conf.int = TRUE, censor = TRUE, pval = TRUE, palette = cols,
                  legend.labs = c("Male", "Female"), break.time.by = 250, xlim = c(0, 1000),
                  xlab = "Days", ggtheme = theme_classic())
  png(file.path(out, file), width = width, height = height, res = res)
  print(p$plot)
  invisible(dev.off())
}
gg("ggsurvplot-small.png", 700, 500, 100)
gg("ggsurvplot-large.png", 1400, 1000, 200)
