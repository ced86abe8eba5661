# Reference values for org.trialmeta.stats.survival (Cox regression, cox.zph, summary-statistic methods).
# Run from the repository root:  Rscript src/test/r/cox.R
# Produced with: R version 4.2.2 Patched (2022-11-10 r83330), survival 3.5.3
# (the script prints the versions it ran with and stops if survival is not 3.5.x).
# Outputs (CI has no R; the tests read only these files):
#   src/test/resources/r/cox/<dataset>.csv   the data as fitted (NA rows dropped, event coded 0/1)
#   src/test/resources/r/cox/fits.csv        fit,key,value  (sprintf %.17g)
#   src/test/resources/r/cox/summary.csv     case,key,value (hand formulas for the published-summary methods)
suppressPackageStartupMessages(library(survival))
cat(R.version.string, "\n")
cat("survival", as.character(packageVersion("survival")), "\n")
stopifnot(packageVersion("survival") >= "3.5" && packageVersion("survival") < "3.6")

out <- "src/test/resources/r/cox"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
num <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))

## datasets -------------------------------------------------------------------------------
lung2 <- na.omit(data.frame(time = lung$time, status = lung$status - 1,
                            age = lung$age, sex = lung$sex, ph_ecog = lung$ph.ecog))
ovarian2 <- data.frame(time = ovarian$futime, status = ovarian$fustat, age = ovarian$age,
                       resid_ds = ovarian$resid.ds, rx = ovarian$rx, ecog_ps = ovarian$ecog.ps)
veteran2 <- data.frame(time = veteran$time, status = veteran$status, karno = veteran$karno,
                       age = veteran$age, trt = veteran$trt, prior = veteran$prior,
                       celltype = as.character(veteran$celltype))
aml2 <- data.frame(time = aml$time, status = aml$status,
                   maintained = as.integer(aml$x == "Maintained"))
# monotone likelihood: every death has x = 1 and happens before any x = 0 subject leaves
mono <- data.frame(time = c(1, 2, 3, 4, 5, 6, 7, 8), status = c(1, 1, 1, 0, 1, 0, 0, 1),
                   x = c(1, 1, 1, 0, 1, 0, 0, 0), z = c(0.5, 1.2, -0.3, 0.8, 2.0, 1.1, -1.0, 0.4))
# one covariate level with no events at all: coxph warns "Loglik converged before variable 1"
set.seed(1)
inf <- local({
  n <- 40
  x <- rbinom(n, 1, 0.5); z <- rnorm(n)
  t <- rexp(n, exp(z)); st <- rbinom(n, 1, 0.7)
  st[x == 1] <- 0
  data.frame(time = t, status = st, x = x, z = z)
})
# aml with ties broken by floating-point noise: coxph's timefix (aeqSurv) merges them back
aml_jitter <- aml2
aml_jitter$time <- aml_jitter$time * (1 + (seq_len(nrow(aml2)) %% 3) * 1e-12)
# ovarian with a stratum that has no events (late censored subjects)
ovarian2$grp <- ifelse(ovarian2$status == 0 & ovarian2$time > 1000, "late_censored", "rest")
datasets <- list(lung = lung2, ovarian = ovarian2, veteran = veteran2, aml = aml2, mono = mono,
                 inf = inf, aml_jitter = aml_jitter)
for (nm in names(datasets)) {
  d <- datasets[[nm]]
  d[] <- lapply(d, function(col) if (is.numeric(col)) num(col) else col)  # full precision
  write.csv(d, file.path(out, paste0(nm, ".csv")), row.names = FALSE, quote = FALSE)
}

## Cox fits ---------------------------------------------------------------------------------
rows <- list()
add <- function(fit, key, value) rows[[length(rows) + 1]] <<- data.frame(fit = fit, key = key, value = num(value))

record <- function(name, formula, data, ties) {
  fit <- suppressWarnings(coxph(formula, data = data, ties = ties, x = TRUE, y = TRUE, model = TRUE))
  s <- summary(fit)
  add(name, "n", fit$n)
  add(name, "events", fit$nevent)
  add(name, "loglik_null", fit$loglik[1])
  add(name, "loglik", fit$loglik[2])
  add(name, "iter", fit$iter)
  add(name, "lr_statistic", s$logtest["test"]); add(name, "lr_df", s$logtest["df"]); add(name, "lr_pval", s$logtest["pvalue"])
  # summary() rounds the Wald statistic to 2 decimals: take it from the fit
  add(name, "wald_statistic", fit$wald.test); add(name, "wald_df", length(coef(fit)))
  add(name, "wald_pval", pchisq(fit$wald.test, length(coef(fit)), lower.tail = FALSE))
  add(name, "score_statistic", s$sctest["test"]); add(name, "score_df", s$sctest["df"]); add(name, "score_pval", s$sctest["pvalue"])
  add(name, "concordance", s$concordance[1])
  add(name, "concordance_se", s$concordance[2])
  cf <- s$coefficients; ci <- s$conf.int
  for (i in seq_len(nrow(cf))) {
    v <- rownames(cf)[i]
    add(name, paste0(v, ".coef"), cf[i, "coef"])
    add(name, paste0(v, ".se"), cf[i, "se(coef)"])
    add(name, paste0(v, ".hr"), cf[i, "exp(coef)"])
    add(name, paste0(v, ".z"), cf[i, "z"])
    add(name, paste0(v, ".pval"), cf[i, "Pr(>|z|)"])
    add(name, paste0(v, ".hr_lower"), ci[i, "lower .95"])
    add(name, paste0(v, ".hr_upper"), ci[i, "upper .95"])
  }
  z <- cox.zph(fit, transform = "km", terms = TRUE)
  for (i in seq_len(nrow(z$table))) {
    v <- rownames(z$table)[i]
    add(name, paste0("zph.", v, ".chisq"), z$table[i, "chisq"])
    add(name, paste0("zph.", v, ".df"), z$table[i, "df"])
    add(name, paste0("zph.", v, ".p"), z$table[i, "p"])
  }
  invisible(fit)
}

for (ties in c("efron", "breslow")) {
  record(paste0("lung_", ties), Surv(time, status) ~ age + sex + ph_ecog, lung2, ties)
  record(paste0("lung_age_", ties), Surv(time, status) ~ age, lung2, ties)
  record(paste0("ovarian_", ties), Surv(time, status) ~ age + resid_ds + rx + ecog_ps, ovarian2, ties)
  record(paste0("veteran_strata_", ties), Surv(time, status) ~ karno + age + trt + prior + strata(celltype), veteran2, ties)
  record(paste0("aml_", ties), Surv(time, status) ~ maintained, aml2, ties)
  record(paste0("aml_jitter_", ties), Surv(time, status) ~ maintained, aml_jitter, ties)
  record(paste0("ovarian_strata_noevents_", ties), Surv(time, status) ~ age + rx + strata(grp), ovarian2, ties)
}
# monotone likelihood (R warns: coefficient may be infinite); only the convergence state is checked
fm <- withCallingHandlers(coxph(Surv(time, status) ~ x + z, data = mono),
  warning = function(w) { cat("mono warning:", conditionMessage(w), "\n"); invokeRestart("muffleWarning") })
# a 'converged before variable' case: x separates deaths perfectly but loglik stops moving
fm2 <- withCallingHandlers(coxph(Surv(time, status) ~ x, data = mono),
  warning = function(w) { cat("mono_x warning:", conditionMessage(w), "\n"); invokeRestart("muffleWarning") })
add("mono_x_efron", "x.coef", coef(fm2)["x"])
add("mono_x_efron", "iter", fm2$iter)
add("mono_efron", "x.coef", coef(fm)["x"])
add("mono_efron", "iter", fm$iter)

fi <- withCallingHandlers(coxph(Surv(time, status) ~ x + z, data = inf),
  warning = function(w) { cat("inf warning:", conditionMessage(w), "\n"); invokeRestart("muffleWarning") })
add("inf_efron", "x.coef", coef(fi)["x"]); add("inf_efron", "z.coef", coef(fi)["z"])
add("inf_efron", "z.se", sqrt(vcov(fi)[2, 2])); add("inf_efron", "iter", fi$iter)
add("inf_efron", "loglik", fi$loglik[2])

fits <- do.call(rbind, rows)
write.csv(fits, file.path(out, "fits.csv"), row.names = FALSE, quote = FALSE)

## published-summary methods (hand formulas) ------------------------------------------------
srows <- list()
sadd <- function(case, key, value) srows[[length(srows) + 1]] <<- data.frame(case = case, key = key, value = num(value))
z975 <- qnorm(0.975)

# (1) two medians with 95% CIs: treatment 11.2 (9.1, 13.8), control 8.3 (6.9, 10.0)
m1 <- 11.2; l1 <- 9.1; u1 <- 13.8; m0 <- 8.3; l0 <- 6.9; u0 <- 10.0
se1 <- (log(u1) - log(l1)) / (2 * z975); se0 <- (log(u0) - log(l0)) / (2 * z975)
sadd("medians", "se_log_treated", se1); sadd("medians", "se_log_control", se0)
lr <- log(m1 / m0); selr <- sqrt(se1^2 + se0^2)
sadd("medians", "ratio", m1 / m0)
sadd("medians", "ratio_lower", exp(lr - z975 * selr)); sadd("medians", "ratio_upper", exp(lr + z975 * selr))
sed <- sqrt((m1 * se1)^2 + (m0 * se0)^2)   # delta method: Var(m) ~ m^2 Var(log m)
sadd("medians", "difference", m1 - m0)
sadd("medians", "difference_lower", m1 - m0 - z975 * sed); sadd("medians", "difference_upper", m1 - m0 + z975 * sed)
# exponential model HR (treated vs control) = m0 / m1; SE from median CIs
sadd("medians", "hr_exp", m0 / m1)
sadd("medians", "hr_exp_lower_ci", exp(log(m0 / m1) - z975 * selr)); sadd("medians", "hr_exp_upper_ci", exp(log(m0 / m1) + z975 * selr))
# SE from events: d1 = 120, d0 = 140
d1 <- 120; d0 <- 140; see <- sqrt(1 / d1 + 1 / d0)
sadd("medians", "hr_exp_lower_events", exp(log(m0 / m1) - z975 * see)); sadd("medians", "hr_exp_upper_events", exp(log(m0 / m1) + z975 * see))
sadd("medians", "hr_exp_se_events", see)
# percent increase in lifespan (animal studies): treated 34 days, control 21 days
sadd("ils", "percent", (34 / 21 - 1) * 100)

# Tierney 2007 (a): HR 0.75 (95% CI 0.62 to 0.91)
hr <- 0.75; lo <- 0.62; hi <- 0.91
sadd("tierney_a", "loghr", log(hr))
sadd("tierney_a", "var", ((log(hi) - log(lo)) / (2 * z975))^2)
# (b) HR 0.80, two-sided p = 0.03, 250 events, 1:1 randomisation
# Tierney: V = (total events * R / (1+R)^2) with R = ratio; O-E = sqrt(V) * z_p (sign from HR); logHR=(O-E)/V
pb <- 0.03; db <- 250; R <- 1
Vb <- db * R / (1 + R)^2
zb <- qnorm(1 - pb / 2)
sadd("tierney_b_events", "loghr", -zb / sqrt(Vb)); sadd("tierney_b_events", "var", 1 / Vb)
# (b') HR + p-value only: Var(log HR) = (log HR / z_p)^2
sadd("tierney_b", "loghr", log(0.80)); sadd("tierney_b", "var", (log(0.80) / zb)^2)
# (c) O-E = -12.5, V = 60.2
sadd("tierney_c", "loghr", -12.5 / 60.2); sadd("tierney_c", "var", 1 / 60.2)
# (d) log-rank p = 0.01, 180 events, 2:1 randomisation (research:control), favouring research
pd <- 0.01; dd <- 180; Rd <- 2
Vd <- dd * Rd / (1 + Rd)^2
zd <- qnorm(1 - pd / 2)
sadd("tierney_d", "loghr", -zd / sqrt(Vd)); sadd("tierney_d", "var", 1 / Vd)
# (d') events per arm known: V = d1 d0 / (d1 + d0) (Tierney eq. for unequal arms)
sadd("tierney_d_arms", "V", 100 * 80 / 180)
sadd("tierney_d_arms", "loghr", -zd / sqrt(100 * 80 / 180)); sadd("tierney_d_arms", "var", 180 / (100 * 80))

summ <- do.call(rbind, srows)
write.csv(summ, file.path(out, "summary.csv"), row.names = FALSE, quote = FALSE)
cat("wrote", nrow(fits), "fit values and", nrow(summ), "summary values to", out, "\n")
