# Reference values for IsotonicRegressionTest: the non-increasing least-squares fit of digitised survival
# readings, as R's isoreg on the negated values (isoreg fits a non-decreasing step function).
# R 4.2.2 (stats). Run from the repository root: Rscript src/test/r/isotonic.R
set.seed(20261206)
cases <- list(
  c(1, 0.9, 0.92, 0.85, 0.86, 0.87, 0.8, 0.5, 0.51, 0.2),
  c(0.5, 0.6, 0.7),
  c(1, 1, 1),
  round(sort(runif(30), decreasing = TRUE) + rnorm(30, 0, 0.02), 4)
)
rows <- do.call(rbind, lapply(seq_along(cases), function(i) {
  y <- cases[[i]]
  data.frame(case = i, index = seq_along(y) - 1, y = y, fit = -isoreg(-y)$yf)
}))
write.csv(rows, "src/test/resources/r/reconstruct/isoreg.csv", row.names = FALSE, quote = FALSE)
