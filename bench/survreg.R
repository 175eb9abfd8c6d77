# Times survival::survreg (Weibull, 5 covariates) on the data bench/survreg.bench.ts wrote.
# Usage: Rscript bench/survreg.R <file.bin> <n> <p>; columns: time, status, x1..xp.
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE); n <- as.integer(args[2]); p <- as.integer(args[3])
con <- file(args[1], "rb"); v <- readBin(con, "double", n = n * (p + 2), size = 8, endian = "little"); close(con)
m <- matrix(v, nrow = n); time <- m[, 1]; status <- m[, 2]; X <- m[, 3:(p + 2), drop = FALSE]
rm(v, m); invisible(gc())
elapsed <- system.time(fit <- survreg(Surv(time, status) ~ X, dist = "weibull"))[["elapsed"]]
cat(sprintf('{"rSeconds": %.4f, "coef": [%s], "scale": %.10f, "loglik": %.8f}\n', elapsed,
            paste(sprintf("%.10f", coef(fit)), collapse = ", "), fit$scale, fit$loglik[2]))
