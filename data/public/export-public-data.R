# Exports two public lung-cancer datasets that ship with R's survival package, and R's own results on
# them, for the teaching/validation notebook. Run from this folder: Rscript export-public-data.R
# Tests and notebooks never need R: they read the CSV and JSON written here.
suppressMessages({ library(survival); library(jsonlite) })

# NCCTG advanced lung cancer (Loprinzi et al. 1994). status: 1 = censored, 2 = dead -> event 0/1.
lung_out <- data.frame(
  id = seq_len(nrow(lung)), inst = lung$inst, time_days = lung$time, event = as.integer(lung$status == 2),
  age = lung$age, sex = ifelse(lung$sex == 1, "male", "female"), ph_ecog = lung$ph.ecog,
  ph_karno = lung$ph.karno, pat_karno = lung$pat.karno, meal_cal = lung$meal.cal, wt_loss = lung$wt.loss
)
write.csv(lung_out, "ncctg-lung.csv", row.names = FALSE, na = "")

# Veterans' Administration lung cancer trial (Kalbfleisch & Prentice 1980). trt: 1 standard, 2 test.
vet_out <- data.frame(
  id = seq_len(nrow(veteran)), trt = ifelse(veteran$trt == 1, "standard", "test"), celltype = as.character(veteran$celltype),
  time_days = veteran$time, event = veteran$status, karno = veteran$karno, diag_time = veteran$diagtime,
  age = veteran$age, prior = ifelse(veteran$prior == 10, "yes", "no")
)
write.csv(vet_out, "va-veteran.csv", row.names = FALSE, na = "")

km_summary <- function(fit, conf.type) {
  tab <- summary(fit)$table
  if (is.null(dim(tab))) tab <- t(as.matrix(tab))
  lapply(seq_len(nrow(tab)), function(i) list(
    stratum = if (nrow(tab) > 1) rownames(tab)[i] else "all",
    n = unname(tab[i, "records"]), events = unname(tab[i, "events"]),
    median = unname(tab[i, "median"]), lower = unname(tab[i, "0.95LCL"]), upper = unname(tab[i, "0.95UCL"]),
    conf_type = conf.type))
}

lung_cc <- lung[complete.cases(lung[, c("time", "status", "age", "sex", "ph.ecog")]), ]
cox_lung <- coxph(Surv(time, status) ~ age + sex + ph.ecog, data = lung_cc, ties = "efron")
cox_vet <- coxph(Surv(time, status) ~ trt + karno + celltype, data = veteran, ties = "efron")
cox_tab <- function(fit) {
  s <- summary(fit)
  list(terms = rownames(s$coefficients), coef = unname(s$coefficients[, "coef"]), se = unname(s$coefficients[, "se(coef)"]),
       hr = unname(s$conf.int[, "exp(coef)"]), lower = unname(s$conf.int[, "lower .95"]), upper = unname(s$conf.int[, "upper .95"]),
       p = unname(s$coefficients[, "Pr(>|z|)"]), loglik = unname(fit$loglik), lr = unname(s$logtest[["test"]]),
       wald = unname(s$waldtest[["test"]]), score = unname(s$sctest[["test"]]), n = fit$n, nevent = fit$nevent,
       concordance = unname(fit$concordance[["concordance"]]),
       zph = { z <- cox.zph(fit); list(terms = rownames(z$table), chisq = unname(z$table[, "chisq"]), df = unname(z$table[, "df"]), p = unname(z$table[, "p"])) })
}
lr <- function(d) list(chisq = unname(d$chisq), df = length(d$n) - 1, p = unname(pchisq(d$chisq, length(d$n) - 1, lower.tail = FALSE)),
                       observed = unname(d$obs), expected = unname(d$exp), groups = names(d$n))

# Stanford heart transplant programme (Crowley & Hu 1977), the classic immortal-time example: prepared as in
# the survival package vignette "Using time dependent covariates" §3 (a death on the day of acceptance gets
# 0.5 days; a transplant on the day of death is moved half a day earlier). tx_days empty = never transplanted.
jasa$subject <- seq_len(nrow(jasa))
heart_out <- with(jasa, data.frame(
  id = subject, futime_days = pmax(0.5, as.numeric(fu.date - accept.dt)), event = fustat,
  tx_days = ifelse(tx.date == fu.date, as.numeric(tx.date - accept.dt) - 0.5, as.numeric(tx.date - accept.dt)),
  age = round(age, 4), prior_surgery = ifelse(surgery == 1, "yes", "no")))
write.csv(heart_out, "stanford-heart.csv", row.names = FALSE, na = "")
hsplit <- tmerge(jasa, transform(heart_out, subject = id), id = subject, death = event(futime_days, event), trt = tdc(tx_days), options = list(idname = "subject"))
heart_mb <- local({
  times <- sort(unique(hsplit$tstop[hsplit$death == 1])); O <- E <- V <- 0
  for (t in times) { at <- hsplit$tstart < t & hsplit$tstop >= t; n <- sum(at); n1 <- sum(at & hsplit$trt == 1)
    d <- sum(hsplit$tstop == t & hsplit$death == 1); d1 <- sum(hsplit$tstop == t & hsplit$death == 1 & hsplit$trt == 1)
    O <- O + d1; E <- E + d * n1 / n; if (n > 1) V <- V + d * (n1 / n) * (1 - n1 / n) * (n - d) / (n - 1) }
  list(observed = O, expected = E, variance = V, chisq = (O - E)^2 / V, p = pchisq((O - E)^2 / V, 1, lower.tail = FALSE)) })
heart_naive <- coxph(Surv(futime_days, event) ~ I(!is.na(tx_days)), data = heart_out)
heart_td <- coxph(Surv(tstart, tstop, death) ~ trt, data = hsplit)
cox_one <- function(fit) { s <- summary(fit); list(hr = unname(s$conf.int[1, "exp(coef)"]), lower = unname(s$conf.int[1, "lower .95"]),
  upper = unname(s$conf.int[1, "upper .95"]), p = unname(s$coefficients[1, "Pr(>|z|)"])) }

ref <- list(
  generated_by = "data/public/export-public-data.R",
  r_version = R.version.string, survival_version = as.character(packageVersion("survival")),
  ncctg_lung = list(
    n = nrow(lung_out),
    km_overall_log = km_summary(survfit(Surv(time, status) ~ 1, data = lung), "log"),
    km_overall_loglog = km_summary(survfit(Surv(time, status) ~ 1, data = lung, conf.type = "log-log"), "log-log"),
    km_by_sex_log = km_summary(survfit(Surv(time, status) ~ sex, data = lung), "log"),
    logrank_sex = lr(survdiff(Surv(time, status) ~ sex, data = lung)),
    cox_age_sex_ecog = c(list(complete_cases = nrow(lung_cc)), cox_tab(cox_lung))
  ),
  va_veteran = list(
    n = nrow(vet_out),
    km_by_trt_log = km_summary(survfit(Surv(time, status) ~ trt, data = veteran), "log"),
    logrank_trt = lr(survdiff(Surv(time, status) ~ trt, data = veteran)),
    logrank_celltype = lr(survdiff(Surv(time, status) ~ celltype, data = veteran)),
    cox_trt_karno_celltype = cox_tab(cox_vet)
  ),
  stanford_heart = list(
    n = nrow(heart_out), transplanted = sum(!is.na(heart_out$tx_days)), deaths = sum(heart_out$event),
    cox_ever_transplanted = cox_one(heart_naive), cox_time_dependent = cox_one(heart_td), mantel_byar = heart_mb
  )
)
writeLines(toJSON(ref, auto_unbox = TRUE, digits = NA, pretty = TRUE), "r-reference.json")
