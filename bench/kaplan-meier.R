# Times survival::survfit on the data bench/kaplan-meier.bench.ts wrote (doubles: time, status).
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE); n <- as.integer(args[2])
con <- file(args[1], "rb"); v <- readBin(con, "double", n = 2 * n, size = 8, endian = "little"); close(con)
time <- v[1:n]; status <- v[(n + 1):(2 * n)]; rm(v); invisible(gc())
elapsed <- system.time(fit <- survfit(Surv(time, status) ~ 1))[["elapsed"]]
cat(sprintf('{"rSeconds": %.4f, "nTimes": %d, "lastSurv": %.12f}\n', elapsed, length(fit$time), fit$surv[length(fit$surv)]))
