# R's numbers for notebook 09 ("Re-analysis in a few lines"): every call the notebook makes, run in R on the same
# files a user would read. Writes data/public/reanalysis-r.json (read by the paper side's reanalysisRReference()).
# Run from this folder: Rscript reanalysis-r.R
# Tests that use it: tests/paper/cohort/reanalysis-reference.test.ts (our front end gives these numbers).
suppressMessages({ library(survival); library(jsonlite) })
v <- function(x) I(unname(as.vector(x)))

cox_out <- function(fit, call) {
  s <- summary(fit)
  list(call = call, terms = v(names(coef(fit))), coef = v(coef(fit)), se = v(sqrt(diag(vcov(fit)))),
       hr = v(exp(coef(fit))), lower = v(s$conf.int[, "lower .95"]), upper = v(s$conf.int[, "upper .95"]),
       p = v(s$coefficients[, "Pr(>|z|)"]), loglik = v(fit$loglik), n = fit$n, nevent = fit$nevent,
       deleted = length(fit$na.action), concordance = unname(fit$concordance[["concordance"]]))
}
km_out <- function(fit, call) {
  tab <- summary(fit)$table
  if (is.null(dim(tab))) tab <- t(as.matrix(tab))
  list(call = call, strata = v(if (is.null(fit$strata)) "all" else names(fit$strata)), n = v(tab[, "records"]),
       events = v(tab[, "events"]), median = v(tab[, "median"]), lower = v(tab[, "0.95LCL"]),
       upper = v(tab[, "0.95UCL"]))
}
diff_out <- function(d, call) {
  obs <- if (is.matrix(d$obs)) rowSums(d$obs) else d$obs
  ex <- if (is.matrix(d$exp)) rowSums(d$exp) else d$exp
  df <- sum(ex > 0) - 1
  list(call = call, groups = v(names(d$n)), n = v(d$n), observed = v(obs), expected = v(ex), chisq = d$chisq,
       df = df, p = pchisq(d$chisq, df, lower.tail = FALSE))
}
anova_out <- function(a, call) {
  list(call = call, rows = v(rownames(a)), loglik = v(a$loglik), chisq = v(a$Chisq), df = v(a$Df),
       p = v(a[["Pr(>|Chi|)"]]))
}
zph_out <- function(z, call) {
  list(call = call, terms = v(rownames(z$table)), chisq = v(z$table[, "chisq"]), df = v(z$table[, "df"]),
       p = v(z$table[, "p"]))
}

# NCCTG lung, as the notebook reads it (data/public/ncctg-lung.csv: event 0/1, sex male/female).
lung <- read.csv("ncctg-lung.csv")
cox_full <- coxph(Surv(time_days, event) ~ age + sex + ph_ecog + wt_loss, data = lung)
cox_factor <- coxph(Surv(time_days, event) ~ age + sex + factor(ph_ecog), data = lung)
cox_small <- coxph(Surv(time_days, event) ~ age + sex, data = lung, subset = !is.na(ph_ecog))
cox_inter <- coxph(Surv(time_days, event) ~ age * sex, data = lung)
cox_strata <- coxph(Surv(time_days, event) ~ age + ph_ecog + strata(sex), data = lung)
cox_cluster <- coxph(Surv(time_days, event) ~ age + sex + ph_ecog + cluster(inst), data = lung)
cox_old <- coxph(Surv(time_days, event) ~ sex + ph_ecog, data = lung, subset = age >= 65)
cox_ecog2 <- coxph(Surv(time_days, event) ~ age + sex + I(ph_ecog >= 2), data = lung)

lung_ref <- list(
  km_sex = km_out(survfit(Surv(time_days, event) ~ sex, data = lung),
                  "survfit(Surv(time_days, event) ~ sex, data = lung)"),
  km_ecog = km_out(survfit(Surv(time_days, event) ~ ph_ecog, data = lung),
                   "survfit(Surv(time_days, event) ~ ph_ecog, data = lung)"),
  logrank_sex = diff_out(survdiff(Surv(time_days, event) ~ sex, data = lung),
                         "survdiff(Surv(time_days, event) ~ sex, data = lung)"),
  logrank_ecog_strata = diff_out(survdiff(Surv(time_days, event) ~ ph_ecog + strata(sex), data = lung),
                                 "survdiff(Surv(time_days, event) ~ ph_ecog + strata(sex), data = lung)"),
  cox_full = cox_out(cox_full, "coxph(Surv(time_days, event) ~ age + sex + ph_ecog + wt_loss, data = lung)"),
  cox_factor = cox_out(cox_factor, "coxph(Surv(time_days, event) ~ age + sex + factor(ph_ecog), data = lung)"),
  cox_inter = cox_out(cox_inter, "coxph(Surv(time_days, event) ~ age * sex, data = lung)"),
  cox_strata = cox_out(cox_strata, "coxph(Surv(time_days, event) ~ age + ph_ecog + strata(sex), data = lung)"),
  cox_cluster = c(cox_out(cox_cluster, "coxph(Surv(time_days, event) ~ age + sex + ph_ecog + cluster(inst), data = lung)"),
                  list(naive_se = v(sqrt(diag(cox_cluster$naive.var))))),
  cox_old = cox_out(cox_old, "coxph(Surv(time_days, event) ~ sex + ph_ecog, data = lung, subset = age >= 65)"),
  cox_ecog2 = cox_out(cox_ecog2, "coxph(Surv(time_days, event) ~ age + sex + I(ph_ecog >= 2), data = lung)"),
  ecog_wald = local({
    i <- grep("ph_ecog", names(coef(cox_factor)))
    b <- coef(cox_factor)[i]
    w <- as.numeric(t(b) %*% solve(vcov(cox_factor)[i, i], b))
    list(call = "b <- coef(fit)[3:5]; t(b) %*% solve(vcov(fit)[3:5, 3:5], b)", statistic = w, df = length(i),
         p = pchisq(w, length(i), lower.tail = FALSE))
  }),
  anova_factor = anova_out(anova(cox_factor), "anova(coxph(Surv(time_days, event) ~ age + sex + factor(ph_ecog), data = lung))"),
  anova_nested = anova_out(anova(cox_small, cox_factor),
                           "anova(fit_age_sex, fit_factor)  # both on the 227 rows with ph_ecog"),
  zph_factor = zph_out(cox.zph(cox_factor), "cox.zph(fit_factor)  # terms = TRUE: one test for factor(ph_ecog)")
)

# The synthetic cohort shipped in data/cohort.csv (the notebook compares with these only when it runs on it).
cohort <- read.csv("../cohort.csv")
cohort$months <- as.numeric(as.Date(cohort$last_contact_date) - as.Date(cohort$surgery_date)) / (365 / 12)
cohort_ref <- list(
  file = "data/cohort.csv", n = nrow(cohort),
  km_bma = km_out(survfit(Surv(months, died) ~ post_bma, data = cohort),
                  "survfit(Surv(months, died) ~ post_bma, data = cohort)"),
  logrank_bma = diff_out(survdiff(Surv(months, died) ~ post_bma, data = cohort),
                         "survdiff(Surv(months, died) ~ post_bma, data = cohort)"),
  cox_table6 = cox_out(coxph(Surv(months, died) ~ visceral_mets + post_bma, data = cohort, ties = "breslow"),
                       "coxph(Surv(months, died) ~ visceral_mets + post_bma, data = cohort, ties = \"breslow\")"),
  cox_more = cox_out(coxph(Surv(months, died) ~ age + sex + extraspinal_bone_mets + visceral_mets + post_bma, data = cohort),
                     "coxph(Surv(months, died) ~ age + sex + extraspinal_bone_mets + visceral_mets + post_bma, data = cohort)")
)

write_json(list(generated_by = "data/public/reanalysis-r.R", r_version = R.version.string,
                survival_version = as.character(packageVersion("survival")), ncctg_lung = lung_ref,
                cohort = cohort_ref),
           "reanalysis-r.json", digits = NA, auto_unbox = TRUE, na = "null", null = "null", pretty = TRUE)
