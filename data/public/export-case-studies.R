# R's results for notebook 08's case studies beyond data/public/r-reference.json: the VA veteran model with the
# Karnofsky effect estimated separately before and after day 90 (survival package vignette "Using time dependent
# covariates", section 4.1, with one cut). Writes data/public/r-case-studies.json, read by
# src/paper/teaching/veteran-case-study.ts and checked by tests/paper/teaching/case-studies.test.ts.
# Run from this folder: Rscript export-case-studies.R
suppressMessages({ library(survival); library(jsonlite) })
vet2 <- survSplit(Surv(time, status) ~ ., data = veteran, cut = 90, episode = "tgroup", id = "id")
vfit <- coxph(Surv(tstart, time, status) ~ trt + celltype + karno:strata(tgroup), data = vet2)
out <- list(
  generated_by = "data/public/export-case-studies.R",
  r_version = R.version.string, survival_version = as.character(packageVersion("survival")),
  va_veteran_karno_by_period = list(
    cut = 90, rows = nrow(vet2), terms = names(coef(vfit)), coef = unname(coef(vfit)),
    se = unname(sqrt(diag(vcov(vfit)))), loglik = vfit$loglik
  )
)
write_json(out, "r-case-studies.json", digits = NA, auto_unbox = TRUE, pretty = TRUE)
