# Times survival::coxph with a formula over a data frame (model.frame and model.matrix included) on the data
# bench/formula-cox.bench.ts wrote. Usage: Rscript bench/formula-cox.R <file.bin> <n>
# The file holds little-endian doubles, column after column: time, status, x1..x5.
# Reading is excluded from the timing; the last stdout line is JSON {"rSeconds", "coef"}.
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
file <- args[1]; n <- as.integer(args[2])
con <- file(file, "rb")
v <- readBin(con, "double", n = n * 7, size = 8, endian = "little")
close(con)
m <- matrix(v, nrow = n)
d <- data.frame(time = m[, 1], status = m[, 2], x1 = m[, 3], x2 = m[, 4], x3 = m[, 5], x4 = m[, 6], x5 = m[, 7])
rm(v, m); invisible(gc())
elapsed <- system.time(fit <- coxph(Surv(time, status) ~ x1 + x2 + x3 + x4 + x5, data = d))[["elapsed"]]
cat(sprintf('{"rSeconds": %.4f, "coef": [%s]}\n', elapsed, paste(sprintf("%.10f", coef(fit)), collapse = ", ")))
