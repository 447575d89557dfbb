# Times surveillance::farringtonFlexible on the series in a long CSV (series, t, observed) with the
# control given as name=value;... (the bench's options), and writes R's results for the agreement check.
#   Rscript --vanilla bench/detection/r_timing.R IN.csv OPTIONS OUT.csv
# Prints "evaluated_weeks elapsed_seconds cpu_seconds" on stdout.
suppressPackageStartupMessages(library(surveillance))
args <- commandArgs(trailingOnly = TRUE)
data <- read.csv(args[1])
control <- list()
for (pair in strsplit(args[2], ";")[[1]]) {
  kv <- strsplit(pair, "=")[[1]]
  control[[kv[1]]] <- switch(kv[1], thresholdMethod = kv[2], range = { ab <- as.integer(strsplit(kv[2], ":")[[1]]); ab[1]:ab[2] },
                             as.numeric(kv[2]))
}
results <- list()
weeks <- 0
elapsed <- 0
cpu <- 0
for (id in unique(data$series)) {
  y <- data$observed[data$series == id]
  x <- sts(observed = y, frequency = 52, start = c(2010, 1))
  started <- proc.time()
  r <- farringtonFlexible(x, control = control)
  used <- proc.time() - started
  elapsed <- elapsed + used[["elapsed"]]
  cpu <- cpu + used[["user.self"]] + used[["sys.self"]]
  weeks <- weeks + nrow(r@observed)
  results[[length(results) + 1]] <- data.frame(series = id, upperbound = as.vector(upperbound(r)),
                                               alarm = as.integer(as.vector(alarms(r))))
}
write.csv(do.call(rbind, results), args[3], row.names = FALSE)
cat(weeks, elapsed, cpu, "\n")
