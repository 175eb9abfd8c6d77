# Times cmprsk::crr (failcode 1, 5 covariates) or survival::finegray + coxph on the data
# bench/fine-gray*.bench.ts wrote. Usage: Rscript bench/fine-gray.R <file.bin> <n> <p> <crr|crr-novar|finegray>
# Columns: time, status (0/1/2), x1..xp. "crr-novar" is crr(variance = FALSE): crr's variance loops are
# O(n²), hours at 10⁶ rows.
suppressPackageStartupMessages({ library(survival); library(cmprsk) })
args <- commandArgs(trailingOnly = TRUE); n <- as.integer(args[2]); p <- as.integer(args[3]); method <- args[4]
con <- file(args[1], "rb"); v <- readBin(con, "double", n = n * (p + 2), size = 8, endian = "little"); close(con)
m <- matrix(v, nrow = n); time <- m[, 1]; status <- m[, 2]; X <- m[, 3:(p + 2), drop = FALSE]
colnames(X) <- paste0("x", seq_len(p))
rm(v, m); invisible(gc())
if (method == "finegray") {
  d <- data.frame(time = time, status = factor(status, 0:2, c("censor", "1", "2")), X, id = seq_len(n))
  elapsed <- system.time({
    pd <- finegray(Surv(time, status) ~ ., data = d, etype = "1")
    fit <- coxph(as.formula(paste("Surv(fgstart, fgstop, fgstatus) ~", paste(colnames(X), collapse = " + "))),
                 data = pd, weights = fgwt, cluster = id)
  })[["elapsed"]]
  cat(sprintf('{"rSeconds": %.4f, "coef": [%s], "rows": %d}\n', elapsed, paste(sprintf("%.10f", coef(fit)), collapse = ", "), nrow(pd)))
} else {
  elapsed <- system.time(fit <- crr(time, status, X, failcode = 1, cencode = 0, variance = method == "crr"))[["elapsed"]]
  se <- if (method == "crr") sprintf(', "se": [%s]', paste(sprintf("%.10f", sqrt(diag(fit$var))), collapse = ", ")) else ""
  cat(sprintf('{"rSeconds": %.4f, "coef": [%s]%s}\n', elapsed, paste(sprintf("%.10f", fit$coef), collapse = ", "), se))
}
