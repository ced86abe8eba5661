# Reference values: data on which metafor's Fisher scoring oscillates without converging.
#
# Run from the repository root:  Rscript src/test/r/fisher_oscillation.R
# Writes src/test/resources/r/fisher_oscillation/fisher_oscillation.csv (numbers as %.17g), one row per
# case x method: the data (yi, vi ';'-separated), what rma(yi, vi, method = ) itself does with its defaults
# ("error" = "Fisher scoring algorithm did not converge"), and the root the Java estimator must reach:
#   where metafor converges (control rows): its own estimate with threshold 1e-13, maxiter 10000 (e.g. ML
#             on the PAS data stops at the boundary maximum tau2 = 0 although the likelihood is higher
#             further out, as metafor);
#   else REML, ML: the maximum of metafor's own (restricted) log-likelihood, logLik(rma(yi, vi, tau2 = t,
#             method = )), found by optimize() on [0, 1] with tol 1e-15;
#   EB:       the root of EB's estimating equation Q(tau2)·k/(k − 1) = k, which is Paule-Mandel's
#             Q(tau2) = k − 1: rma(yi, vi, method = "PM")$tau2;
# and the pooled estimate and its SE at that tau2 (rma(yi, vi, tau2 = tau2)).
# Cases: the PAS proportions 0/4, 0/10, 28/441, 0/4, 0/6, 0/2, 0/5, 0/7 (found by the proportion
# property in MetaAnalysisPropertiesTest) and three random data sets of the order/scaling properties.
# Produced with: R version 4.2.2 Patched (2022-11-10 r83330), metafor 3.8.1 (printed below when run).
suppressMessages(library(metafor))
cat(R.version.string, "metafor", as.character(packageVersion("metafor")), "\n")
out.dir <- "src/test/resources/r/fisher_oscillation"
dir.create(out.dir, recursive = TRUE, showWarnings = FALSE)
pas <- escalc("PAS", xi = c(0, 0, 28, 0, 0, 0, 0, 0), ni = c(4, 10, 441, 4, 6, 2, 5, 7))
cases <- list(
  pas = list(yi = c(pas$yi), vi = c(pas$vi), methods = c("REML", "ML", "EB")),
  gen18 = list(yi = c(-5.2829360813870770, -4.5044350325040830, -4.6869452125502970, -4.6932036047248250,
                      -5.0014200174485770),
               vi = c(0.0074988294705383010, 0.71358718776752670, 1.1755377820624380, 0.0063608321372201660,
                      0.33724105312762503), methods = c("EB", "REML", "ML")),
  gen901 = list(yi = c(-2.5853148169816450, -4.0761547646883160, -2.3792220143654710, -2.3500435737573597,
                       -2.6022429693657276, -2.6172901971568250, -2.4331627234607760, -2.5321024119981500,
                       -2.3762633854540147, -2.0856922797580264, -2.4590351341714090, -2.6599081060496200),
                vi = c(1.6147196470002300, 1.6743206503158106, 0.0093872846096578560, 0.0054689143862129420,
                       0.012580289892434820, 0.0053263802179604910, 0.16982423105375596, 0.050164514938363700,
                       0.043378245487667735, 0.18832564546206546, 0.026165817004931180, 0.54017565984210100),
                methods = c("EB", "REML", "ML")),
  gen984 = list(yi = c(-1.7615084838184605, -2.3090228646447900, -2.1038392680456950, -2.4605306383917490,
                       -2.5773433798125995, -2.2326119598814910, -2.4359735336191024),
                vi = c(0.44688103181334200, 0.71985039311177460, 0.011721611722949396, 0.092117704857539100,
                       0.32943174077277510, 0.019269167987499877, 0.010373909840115620),
                methods = c("EB", "REML", "ML")))
rows <- character(0)
for (name in names(cases)) {
  cs <- cases[[name]]
  for (m in cs$methods) {
    default <- tryCatch({ rma(cs$yi, cs$vi, method = m); "ok" }, error = function(e) "error")
    if (default == "ok") {
      # control row: metafor's own estimate, converged tightly (as src/test/r/meta.R)
      tau2 <- rma(cs$yi, cs$vi, method = m, control = list(threshold = 1e-13, maxiter = 10000))$tau2
    } else if (m == "EB") {
      tau2 <- rma(cs$yi, cs$vi, method = "PM", control = list(tol = 1e-15))$tau2
    } else {
      ll <- function(t) c(logLik(rma(cs$yi, cs$vi, tau2 = t, method = m)))
      tau2 <- optimize(ll, c(0, 1), maximum = TRUE, tol = 1e-15)$maximum
    }
    fit <- rma(cs$yi, cs$vi, tau2 = tau2, method = m)
    rows <- c(rows, paste(name, m, paste(sprintf("%.17g", cs$yi), collapse = ";"),
                          paste(sprintf("%.17g", cs$vi), collapse = ";"), default, sprintf("%.17g", tau2),
                          sprintf("%.17g", c(fit$beta)), sprintf("%.17g", fit$se), sep = ","))
  }
}
writeLines(c(paste0("# ", R.version.string, ", metafor ", packageVersion("metafor")),
             "case,method,yi,vi,metafor_default,tau2,estimate,se", rows),
           file.path(out.dir, "fisher_oscillation.csv"))
