# Reference values for org.trialmeta.stats.ratio.LogRatioCi: what a ratio and its Wald CI imply.
#
# Run from the repository root:  Rscript src/test/r/ratio_ci.R
# Writes src/test/resources/r/ratio/log_ratio_ci.csv with 17 significant digits (base R only).
#
# SE = (log(U) - log(L)) / (2 qnorm(1 - (1 - level)/2)); z = |log(R)| / SE; p = 2 pnorm(-z)
# (Altman & Bland, BMJ 2011;343:d2304, with the exact normal tail); off_centre =
# (log(R) - (log(L) + log(U))/2) / ((log(U) - log(L))/2); z_of_p = qnorm(1 - p/2) (d2090).
out <- file.path("src", "test", "resources", "r", "ratio")
dir.create(out, recursive = TRUE, showWarnings = FALSE)
f17 <- function(v) sprintf("%.17g", v)
cases <- data.frame(
  name  = c("mpact-os", "mpact-pfs", "keynote189-os", "attraction2-os", "rilomet1-orr-or", "wide-99", "harm-90"),
  ratio = c(0.72, 0.69, 0.49, 0.63, 0.53, 1.8, 1.25),
  lower = c(0.62, 0.58, 0.38, 0.51, 0.37, 0.9, 1.02),
  upper = c(0.83, 0.82, 0.64, 0.78, 0.76, 3.6, 1.53),
  level = c(0.95, 0.95, 0.95, 0.95, 0.95, 0.99, 0.90))
se <- (log(cases$upper) - log(cases$lower)) / (2 * qnorm(1 - (1 - cases$level) / 2))
z <- abs(log(cases$ratio)) / se
p <- 2 * pnorm(-z)
off <- (log(cases$ratio) - (log(cases$lower) + log(cases$upper)) / 2) / ((log(cases$upper) - log(cases$lower)) / 2)
res <- data.frame(name = cases$name, ratio = cases$ratio, lower = cases$lower, upper = cases$upper,
                  level = cases$level, se = f17(se), z = f17(z), p = f17(p), off_centre = f17(off),
                  z_of_p = f17(qnorm(1 - p / 2)))
write.csv(res, file.path(out, "log_ratio_ci.csv"), row.names = FALSE, quote = FALSE)
writeLines(R.version.string, file.path(out, "versions.txt"))
