# Writes the example inputs in examples/ from public datasets shipped with R's metafor (metadat) and survival
# packages, so that every number in them can be traced to its publication (see examples/README.md).
# Run from the repository root:  Rscript examples/make_examples.R
# Produced with: R version 4.2.2 Patched (2022-11-10 r83330), metafor 3.8.1, survival 3.5.3.
suppressMessages({library(metafor); library(survival)})
w <- function(d, f) { write.csv(d, file.path("examples", f), row.names = FALSE, quote = TRUE, na = ""); cat("wrote", f, "\n") }

# 1. Binary two-arm RCTs with a subgroup column: BCG vaccine against tuberculosis (Colditz et al. 1994)
b <- dat.bcg
w(data.frame(study = paste(b$author, b$year), year = b$year,
             events_1 = b$tpos, total_1 = b$tpos + b$tneg, events_2 = b$cpos, total_2 = b$cpos + b$cneg,
             allocation = b$alloc, label_1 = "BCG", label_2 = "Control"), "bcg-vaccine.csv")

# 1b. Rare events, zero cells and one study without events in either arm, for the odds-ratio GLMM
#     (pool --measure OR --method GLMM): catheter-related bloodstream infections (Niel-Weise et al. 2007)
nw <- dat.nielweise2007
w(data.frame(study = paste(nw$author, nw$year), year = nw$year, events_1 = nw$ai, total_1 = nw$n1i,
             events_2 = nw$ci, total_2 = nw$n2i, label_1 = "Anti-infective", label_2 = "Standard"),
  "catheter-infections.csv")

# 2. Single-arm response proportions: aneurysm treatment outcomes (Pritz 1997)
p <- dat.pritz1997
w(data.frame(study = p$authors, xi = p$xi, ni = p$ni), "single-arm-proportions.csv")

# 3. Continuous outcomes: length of hospital stay, specialist vs general care (Normand 1999)
n <- dat.normand1999
w(data.frame(study = n$source, mean_1 = n$m1i, sd_1 = n$sd1i, total_1 = n$n1i,
             mean_2 = n$m2i, sd_2 = n$sd2i, total_2 = n$n2i), "length-of-stay.csv")

# 4. Published-style hazard ratios: Cox HRs (95% CI) computed from the patient data of four public randomised
#    trials in R's survival package (the computation is the source; see examples/README.md)
hr <- function(name, fit) {
  s <- summary(fit)$conf.int
  data.frame(study = name, hr = signif(s[1, "exp(coef)"], 3), ci_lower = signif(s[1, "lower .95"], 3),
             ci_upper = signif(s[1, "upper .95"], 3))
}
colon_death <- subset(colon, etype == 2 & rx != "Lev")
colon_death$rx <- droplevels(colon_death$rx)
w(rbind(
  hr("Edmonson 1979 (ovarian)", coxph(Surv(futime, fustat) ~ I(rx == 2), data = ovarian)),
  hr("VA lung cancer (veteran)", coxph(Surv(time, status) ~ I(trt == 2), data = veteran)),
  hr("Moertel 1990 (colon, Lev+5FU vs Obs)", coxph(Surv(time, status) ~ I(rx == "Lev+5FU"), data = colon_death)),
  hr("Mayo PBC (D-penicillamine)", coxph(Surv(time, status == 2) ~ I(trt == 1), data = subset(pbc, !is.na(trt))))
), "hazard-ratios.csv")

# 5. Patient-level survival with two groups: NCCTG advanced lung cancer (Loprinzi et al. 1994), by sex
l <- lung
w(data.frame(time = l$time, event = l$status - 1, sex = ifelse(l$sex == 1, "male", "female"), age = l$age),
  "lung-survival.csv")

# 6. A digitised Kaplan-Meier curve and its numbers at risk, as `reconstruct` takes them: the curve of the male
#    patients of the NCCTG lung trial at every step (what a careful digitisation of the published figure gives),
#    and the numbers at risk every 100 days (as printed under such a figure). Reconstructing from these files can
#    be checked against the patient data in lung-survival.csv.
fit <- survfit(Surv(time, status) ~ 1, data = subset(lung, sex == 1))
w(data.frame(time = c(0, fit$time[fit$n.event > 0]), survival = round(c(1, fit$surv[fit$n.event > 0]), 4)),
  "km-curve-male.csv")
at <- seq(0, 1000, by = 100)
w(data.frame(time = at, n_risk = summary(fit, times = at, extend = TRUE)$n.risk), "km-at-risk-male.csv")

# 7. The same for the female patients, so that `reconstruct --arm` can compare two arms (HR female vs male from
#    the patient data: coxph(Surv(time, status) ~ sex, lung) gives 0.588, 95% CI 0.424 to 0.816).
fit <- survfit(Surv(time, status) ~ 1, data = subset(lung, sex == 2))
w(data.frame(time = c(0, fit$time[fit$n.event > 0]), survival = round(c(1, fit$surv[fit$n.event > 0]), 4)),
  "km-curve-female.csv")
w(data.frame(time = at, n_risk = summary(fit, times = at, extend = TRUE)$n.risk), "km-at-risk-female.csv")
