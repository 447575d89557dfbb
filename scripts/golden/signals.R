# Golden files for the signals module (issue 14): Benjamini–Hochberg adjusted p-values from R's
# p.adjust(method = "BH"), for vectors with ties, NA, ones and tiny values.
#
#   Rscript --vanilla scripts/golden/signals.R      (from the repository root; a second)
#
# Layout written under tests/data/golden/signals/:
#   bh.csv        case, i, p, q       (one row per entry; "NA" where R gives NA)
#   VERSIONS.txt  R version
out_dir <- "tests/data/golden/signals"
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)
fmt <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))
set.seed(20261204)
cases <- list(
  small = c(0.01, 0.04, 0.03, 0.005),
  ties = c(0.02, 0.02, 0.02, 0.5, 0.001, 0.001),
  with_na = c(0.2, NA, 0.01, 0.03, NA, 0.9),
  ones = c(1, 1, 0.5, 1),
  tiny = c(1e-12, 3e-9, 0.049, 0.051, 0.0499),
  uniform = runif(200),
  mixed = c(rbeta(50, 0.2, 5), runif(450))
)
rows <- do.call(rbind, lapply(names(cases), function(name) {
  p <- cases[[name]]
  data.frame(case = name, i = seq_along(p), p = fmt(p), q = fmt(p.adjust(p, method = "BH")))
}))
write.csv(rows, file.path(out_dir, "bh.csv"), row.names = FALSE, quote = FALSE)
writeLines(R.version.string, file.path(out_dir, "VERSIONS.txt"))
