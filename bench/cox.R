# Times survival::coxph (Efron) on the data bench/cox.bench.ts wrote. Usage:
#   Rscript bench/cox.R <file.bin> <n> <p> [reps]
# The file holds little-endian doubles, column after column: time, status, x1..xp.
# Reading is excluded from the timing; rSeconds is the fastest of `reps` fits (default 1), as the TypeScript
# side takes the fastest of as many. The last stdout line is JSON {"rSeconds", "coef", ...}.
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
file <- args[1]; n <- as.integer(args[2]); p <- as.integer(args[3])
reps <- if (length(args) >= 4) as.integer(args[4]) else 1L
con <- file(file, "rb")
v <- readBin(con, "double", n = n * (p + 2), size = 8, endian = "little")
close(con)
m <- matrix(v, nrow = n)
time <- m[, 1]; status <- m[, 2]; X <- m[, 3:(p + 2), drop = FALSE]
rm(v, m); invisible(gc())
elapsed <- Inf
for (k in seq_len(reps)) {
  elapsed <- min(elapsed, system.time(fit <- coxph(Surv(time, status) ~ X, ties = "efron"))[["elapsed"]])
}
cat(sprintf('{"rSeconds": %.4f, "coef": [%s], "loglik": %.10f, "concordance": %.10f}\n', elapsed,
            paste(sprintf("%.10f", coef(fit)), collapse = ", "), fit$loglik[2], fit$concordance[["concordance"]]))
