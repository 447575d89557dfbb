# Golden files for the detection module (issue 6): runs R's surveillance package on some of its own
# data sets and on generated series, for each method with the control settings listed in `cases`,
# and writes inputs and outputs as CSV under tests/data/golden/detection/.
#
#   Rscript --vanilla scripts/golden/detection.R      (from the repository root; about 2 minutes)
#
# Layout written:
#   series/<name>.csv     t, observed, population, year, week          (input series, NA = missing)
#   cases.csv             case, series, frequency, method, options      (options: name=value;...)
#   outputs/<case>.csv    t, observed, expected, upperbound, alarm [, score, pvalue, phi, trend]
#                         exactly as R returns them ("NA" where R gives NA); only the columns R defines
#   VERSIONS.txt          R and package versions
# The option names and values are those of `samenzicht detect` (R's control-list names); the same
# strings are parsed here into R control lists, so both sides run the same settings.
suppressPackageStartupMessages(library(surveillance))
out_dir <- "tests/data/golden/detection"
dir.create(file.path(out_dir, "series"), recursive = TRUE, showWarnings = FALSE)
dir.create(file.path(out_dir, "outputs"), recursive = TRUE, showWarnings = FALSE)

fmt <- function(x) {
  x <- as.numeric(x)
  ifelse(is.na(x), "NA", ifelse(is.infinite(x), ifelse(x > 0, "Inf", "-Inf"), sprintf("%.17g", x)))
}
write_table <- function(df, path) {
  for (name in names(df)) df[[name]] <- fmt(df[[name]])
  write.csv(df, path, row.names = FALSE, quote = FALSE)
}

# ---- input series --------------------------------------------------------------------------------
series <- list()
add_series <- function(name, observed, freq = 52, start = c(2000, 1), population = NULL, dates = NULL) {
  n <- length(observed)
  if (is.null(population)) population <- rep(1, n)
  idx <- seq_len(n) - 1 + start[2] - 1
  series[[name]] <<- list(observed = as.numeric(observed), freq = freq, start = start, population = population,
                          dates = dates)
  table <- data.frame(t = seq_len(n), observed = as.vector(observed), population = population)
  if (is.null(dates)) {
    table$year <- start[1] + idx %/% freq
    table$week <- idx %% freq + 1
  }
  for (name_ in names(table)) table[[name_]] <- fmt(table[[name_]])
  if (!is.null(dates)) table$date <- format(dates, "%Y-%m-%d")  # date-based: R's epochAsDate = TRUE
  write.csv(table, file.path(out_dir, "series", paste0(name, ".csv")), row.names = FALSE, quote = FALSE)
}

data(salmonella.agona); add_series("agona", salmonella.agona$observed, start = c(1990, 1))
data(ha.sts); add_series("ha", rowSums(observed(ha.sts)), start = c(2001, 1))
data(campyDE); add_series("campy", campyDE$case, start = c(2002, 1))
data(salmNewport); add_series("newport", rowSums(observed(salmNewport)), start = c(2004, 1))
data(momo); add_series("momo", observed(momo)[, 1], start = momo@start)
data(shadar); add_series("shadar", shadar$observed, start = shadar$start)
data(hepatitisA); add_series("hepatitisA", hepatitisA$observed, start = hepatitisA$start)
data(measlesDE); add_series("measles", rowSums(observed(measlesDE)), start = measlesDE@start)
data(rotaBB); add_series("rotaBB", observed(rotaBB)[, 1], freq = 12, start = rotaBB@start)

set.seed(20261122)
weeks <- 1:520
seasonal_mean <- exp(1.6 + 0.6 * sin(2 * pi * weeks / 52) + 0.3 * cos(2 * pi * weeks / 52))
y <- rpois(520, seasonal_mean)
outbreaks <- c(300, 371, 440, 505)
for (o in outbreaks) y[o:(o + 3)] <- y[o:(o + 3)] + rpois(4, c(6, 12, 9, 4))
add_series("gen_seasonal", y)

y <- rnbinom(520, mu = 0.25 * exp(0.5 * sin(2 * pi * weeks / 52)), size = 0.8)
y[c(330, 331, 332, 470, 471)] <- y[c(330, 331, 332, 470, 471)] + c(3, 5, 2, 4, 6)
add_series("gen_sparse", y)

# All-zero baselines: nothing for eight years, then a few isolated cases and a small cluster.
y <- rep(0, 520)
y[c(430, 470, 481, 500, 501, 502, 503, 515)] <- c(1, 1, 2, 3, 4, 2, 1, 1)
add_series("gen_zeros", y)

y <- rpois(520, exp(0.8 + 0.0035 * weeks + 0.4 * sin(2 * pi * weeks / 52)))
y[c(400:402, 480:482)] <- y[c(400:402, 480:482)] + c(8, 14, 7, 10, 15, 9)
add_series("gen_trend", y, start = c(2005, 27))

y <- rnbinom(520, mu = 8 * exp(0.5 * cos(2 * pi * weeks / 52)), size = 5)
y[sample(5:515, 25)] <- NA
add_series("gen_missing", y)

population <- round(50000 * (1 + 0.002 * weeks) + 0)
y <- rpois(520, population * 1e-4 * exp(0.4 * sin(2 * pi * weeks / 52)))
y[c(350:352, 460:462)] <- y[c(350:352, 460:462)] + c(5, 9, 6, 6, 11, 7)
add_series("gen_population", y, population = population)

months <- 1:180
y <- rpois(180, exp(2.2 + 0.5 * sin(2 * pi * months / 12)))
y[c(130, 131, 170)] <- y[c(130, 131, 170)] + c(12, 15, 14)
add_series("gen_monthly", y, freq = 12)

# Date-based series (epochAsDate = TRUE): reference weeks are the same calendar weeks b years back,
# across ISO years with 53 weeks (2004, 2009, 2015, 2020).
add_series("newport_dated", rowSums(observed(salmNewport)), dates = epoch(salmNewport))
dated_weeks <- seq(as.Date("2010-01-04"), by = "week", length.out = 560)
y <- rpois(560, exp(1.5 + 0.6 * sin(2 * pi * as.numeric(format(dated_weeks, "%j")) / 365.25)))
y[c(420:422, 530:532)] <- y[c(420:422, 530:532)] + c(7, 12, 8, 9, 13, 6)
add_series("gen_dated", y, dates = dated_weeks)
dated_months <- seq(as.Date("2005-01-01"), by = "month", length.out = 180)
y <- rpois(180, exp(2 + 0.5 * sin(2 * pi * (1:180) / 12)))
y[c(140, 171)] <- y[c(140, 171)] + c(14, 16)
add_series("gen_monthly_dated", y, freq = 12, dates = dated_months)

# ---- cases ---------------------------------------------------------------------------------------
noufaily <- "b=5;w=3;noPeriods=10;weightsThreshold=2.58;pastWeeksNotIncluded=26;pThresholdTrend=1;populationOffset=false;alpha=0.05"
cases <- list()
add_case <- function(case, series_name, method, options = "") {
  cases[[length(cases) + 1]] <<- data.frame(case = case, series = series_name, method = method, options = options)
}
last_weeks <- function(name, first_possible, count = 104) {
  n <- length(series[[name]]$observed)
  paste0("range=", max(first_possible, n - count + 1), ":", n)
}
weekly <- c("agona", "ha", "campy", "newport", "momo", "shadar", "gen_seasonal", "gen_sparse", "gen_zeros",
            "gen_trend", "gen_missing", "gen_population")
for (s in weekly) {
  f <- series[[s]]$freq
  add_case(paste0("flexible_default_", s), s, "farringtonFlexible", last_weeks(s, f * 5 + 4))
  add_case(paste0("flexible_noufaily_nb_", s), s, "farringtonFlexible",
           paste(noufaily, "thresholdMethod=nbPlugin", last_weeks(s, f * 5 + 4), sep = ";"))
  add_case(paste0("flexible_noufaily_muan_", s), s, "farringtonFlexible",
           paste(noufaily, "thresholdMethod=muan", last_weeks(s, f * 5 + 4), sep = ";"))
  if (s != "gen_missing") {
    add_case(paste0("farrington_", s), s, "farrington", last_weeks(s, f * 5 + 4))
  }
  for (m in c("earsC1", "earsC2", "earsC3")) add_case(paste0(m, "_", s), s, m)
  n <- length(series[[s]]$observed)
  if (s != "gen_missing") {
    add_case(paste0("cusum_standard_", s), s, "cusum", paste0("range=", n - 103, ":", n))
    add_case(paste0("cusum_rossi_glm_", s), s, "cusum", paste0("range=", n - 103, ":", n, ";m=glm;trans=rossi"))
  }
}
# Package example settings and the other options.
add_case("flexible_example_agona", "agona", "farringtonFlexible", "b=4;alpha=0.1;range=211:312")
add_case("flexible_example_noufaily_agona", "agona", "farringtonFlexible",
         "b=4;alpha=0.1;noPeriods=10;pastWeeksNotIncluded=26;thresholdMethod=nbPlugin;range=211:312")
add_case("flexible_half_notrend_campy", "campy", "farringtonFlexible",
         "powertrans=1/2;trend=false;reweight=false;limit54=3,2;range=400:522")
add_case("flexible_none_campy", "campy", "farringtonFlexible", "powertrans=none;w=2;b=3;range=300:522")
add_case("flexible_trend_p1_gen_trend", "gen_trend", "farringtonFlexible", "pThresholdTrend=1;b=3;range=200:520")
add_case("flexible_popoffset_gen_population", "gen_population", "farringtonFlexible",
         "populationOffset=true;range=300:520")
add_case("flexible_popoffset_noufaily_gen_population", "gen_population", "farringtonFlexible",
         paste("b=5;w=3;noPeriods=10;pastWeeksNotIncluded=26;populationOffset=true;thresholdMethod=muan",
               "range=300:520", sep = ";"))
add_case("flexible_default_full_agona", "agona", "farringtonFlexible")
add_case("flexible_noperiods4_weights1_newport", "newport", "farringtonFlexible",
         "noPeriods=4;weightsThreshold=1;pastWeeksNotIncluded=8;range=300:528")
add_case("flexible_monthly_rotaBB", "rotaBB", "farringtonFlexible")
add_case("flexible_monthly_nb_rotaBB", "rotaBB", "farringtonFlexible",
         "noPeriods=3;pastWeeksNotIncluded=6;thresholdMethod=nbPlugin")
add_case("flexible_monthly_gen_monthly", "gen_monthly", "farringtonFlexible", "b=3;w=2")
add_case("farrington_default_range_agona", "agona", "farrington")
add_case("farrington_b3_alpha01_campy", "campy", "farrington", "b=3;w=2;alpha=0.01;range=200:522")
add_case("farrington_half_noreweight_newport", "newport", "farrington",
         "powertrans=1/2;reweight=false;trend=false;range=300:528")
add_case("farrington_monthly_rotaBB", "rotaBB", "farrington", "range=66:144")
add_case("earsC1_options_campy", "campy", "earsC1", "baseline=10;minSigma=2;alpha=0.01")
add_case("earsC3_options_sparse", "gen_sparse", "earsC3", "baseline=5;minSigma=0.5")
add_case("earsC2_alpha_measles", "measles", "earsC2", "alpha=0.05;range=20:156")
for (m in c("earsC1", "earsC2", "earsC3")) add_case(paste0(m, "_hepatitisA"), "hepatitisA", m)
add_case("cusum_standard_measles", "measles", "cusum", "range=53:156;k=0.5;h=4")
add_case("cusum_anscombe_hepatitisA", "hepatitisA", "cusum", "range=105:208;trans=anscombe")
add_case("cusum_anscombe2nd_hepatitisA", "hepatitisA", "cusum", "range=105:208;trans=anscombe2nd;m=glm")
add_case("cusum_pearsonNegBin_campy", "campy", "cusum", "range=400:522;trans=pearsonNegBin;alpha=0.2")
add_case("cusum_none_shadar", "shadar", "cusum", "range=200:295;trans=none;m=3")
add_case("cusum_glm_gen_trend", "gen_trend", "cusum", "range=300:520;m=glm;trans=standard")
add_case("flexible_dated_default_newport_dated", "newport_dated", "farringtonFlexible", "range=425:528")
add_case("flexible_dated_noufaily_nb_newport_dated", "newport_dated", "farringtonFlexible",
         paste(noufaily, "thresholdMethod=nbPlugin;range=425:528", sep = ";"))
add_case("flexible_dated_default_gen_dated", "gen_dated", "farringtonFlexible")
add_case("flexible_dated_noufaily_muan_gen_dated", "gen_dated", "farringtonFlexible",
         paste(noufaily, "thresholdMethod=muan;range=300:560", sep = ";"))
add_case("farrington_dated_newport_dated", "newport_dated", "farrington", "range=300:528")
add_case("farrington_dated_gen_dated", "gen_dated", "farrington", "range=265:560")
add_case("flexible_dated_monthly_gen_monthly_dated", "gen_monthly_dated", "farringtonFlexible", "b=3;w=2")
add_case("farrington_dated_monthly_gen_monthly_dated", "gen_monthly_dated", "farrington", "b=3;w=2;range=40:180")
cases <- do.call(rbind, cases)

# ---- options → R control lists -------------------------------------------------------------------
parse_options <- function(options) {
  control <- list()
  if (options == "") return(control)
  for (pair in strsplit(options, ";")[[1]]) {
    kv <- strsplit(pair, "=")[[1]]
    name <- kv[1]; value <- kv[2]
    control[[name]] <- switch(name,
      range = { ab <- as.integer(strsplit(value, ":")[[1]]); ab[1]:ab[2] },
      limit54 = as.numeric(strsplit(value, ",")[[1]]),
      powertrans = value, thresholdMethod = value, trans = value,
      m = if (value %in% c("glm")) value else as.numeric(value),
      reweight = , trend = , populationOffset = as.logical(toupper(value)),
      as.numeric(value))
  }
  control
}

run_case <- function(case) {
  s <- series[[case$series]]
  control <- parse_options(case$options)
  n <- length(s$observed)
  if (case$method == "farringtonFlexible") {
    x <- if (is.null(s$dates)) {
      sts(observed = s$observed, frequency = s$freq, start = s$start, population = matrix(s$population, ncol = 1))
    } else {
      sts(observed = s$observed, frequency = s$freq, epoch = as.numeric(s$dates), epochAsDate = TRUE,
          population = matrix(s$population, ncol = 1))
    }
    r <- farringtonFlexible(x, control = modifyList(list(glmWarnings = FALSE), control))
    t <- if (is.null(control$range)) (s$freq * ifelse(is.null(control$b), 5, control$b) +
                                        ifelse(is.null(control$w), 3, control$w) + 1):n else control$range
    data.frame(t = t, observed = as.vector(observed(r)), expected = as.vector(r@control$expected),
               upperbound = as.vector(upperbound(r)), alarm = as.integer(as.vector(alarms(r))),
               score = as.vector(r@control$score), pvalue = as.vector(r@control$pvalue),
               phi = as.vector(r@control$phiVector), trend = as.vector(r@control$trendVector))
  } else if (case$method == "farrington") {
    d <- create.disProg(week = 1:n, observed = s$observed, state = rep(0, n), freq = s$freq, start = s$start)
    if (!is.null(s$dates)) {
      d$week <- as.numeric(s$dates)
      d$epochAsDate <- TRUE
    }
    b <- ifelse(is.null(control$b), 5, control$b); w <- ifelse(is.null(control$w), 3, control$w)
    t <- if (is.null(control$range)) (s$freq * b - w):n else control$range
    r <- suppressWarnings(algo.farrington(d, control = control))
    data.frame(t = t, observed = s$observed[t], expected = r$control$pd[, 2], upperbound = as.vector(r$upperbound),
               alarm = as.integer(as.vector(r$alarm)))
  } else if (startsWith(case$method, "earsC")) {
    x <- sts(observed = s$observed, frequency = s$freq, start = s$start)
    control$method <- sub("ears", "", case$method)
    r <- earsC(x, control = control)
    t <- which(seq_len(n) %in% r@control$range)
    data.frame(t = r@control$range, observed = as.vector(observed(r)), upperbound = as.vector(upperbound(r)),
               alarm = as.integer(as.vector(alarms(r))))
  } else if (case$method == "cusum") {
    d <- create.disProg(week = 1:n, observed = s$observed, state = rep(0, n), freq = s$freq, start = s$start)
    r <- algo.cusum(d, control = control)
    m <- r$control$m
    data.frame(t = control$range, observed = s$observed[control$range],
               expected = if (length(m) == 1) rep(m, length(control$range)) else as.vector(m),
               upperbound = as.vector(r$upperbound), alarm = as.integer(as.vector(r$alarm)),
               score = as.vector(r$cusum))
  }
}

for (i in seq_len(nrow(cases))) {
  case <- cases[i, ]
  started <- proc.time()[["elapsed"]]
  result <- run_case(case)
  write_table(result, file.path(out_dir, "outputs", paste0(case$case, ".csv")))
  cat(sprintf("%-45s %5d rows %6.1f s\n", case$case, nrow(result), proc.time()[["elapsed"]] - started))
}
cases$frequency <- vapply(cases$series, function(s) series[[s]]$freq, numeric(1))
write.csv(cases[, c("case", "series", "frequency", "method", "options")], file.path(out_dir, "cases.csv"),
          row.names = FALSE, quote = TRUE)
writeLines(c(R.version.string, paste("surveillance", packageVersion("surveillance")),
             paste("generated by scripts/golden/detection.R on", format(Sys.Date()))),
           file.path(out_dir, "VERSIONS.txt"))
