#include "pipeline/detect.h"

#include "detection/detector.h"
#include "detection/series_table.h"
#include "io/csv_writer.h"
#include "io/text_table.h"
#include "pipeline/messages.h"
#include "pipeline/output_file.h"

namespace sz::pipeline {

Result<DetectReport> DetectFile(const DetectRequest& request) {
  if (request.frequency != 52 && request.frequency != 12) return InvalidArgumentError(msg::BadFrequency());
  ASSIGN_OR_RETURN(detection::Detector detector, detection::MakeDetector(request.method, request.control));
  ASSIGN_OR_RETURN(io::TextTable table, io::ReadTextTable(request.input));
  Result<detection::Series> series =
      detection::SeriesFromTable(table.header, table.rows, request.frequency, table.line_numbers);
  if (!series.ok()) return series.status().WithContext(request.input);
  ASSIGN_OR_RETURN(detection::DetectionResult result, detection::Detect(detector, *series));
  ASSIGN_OR_RETURN(std::unique_ptr<io::CsvWriter> writer,
                   io::CsvWriter::Create(request.out, io::WriteDialect::Plain()));
  RETURN_IF_ERROR(writer->WriteRow(detection::ResultHeader(result)));
  for (const std::vector<std::string>& row : detection::ResultRows(result)) RETURN_IF_ERROR(writer->WriteRow(row));
  RETURN_IF_ERROR(writer->Close());

  DetectReport report;
  report.evaluated = result.size();
  report.first = result.time.empty() ? 0 : result.time.front();
  report.last = result.time.empty() ? 0 : result.time.back();
  report.series_length = series->size();
  for (int8_t alarm : result.alarm) report.alarms += alarm == 1;
  report.date_based = !series->dates.empty();

  Provenance provenance{
      "detect",
      {{"methode", request.method}, {"invoer", request.input}, {"frequentie", std::to_string(request.frequency)}}};
  for (const auto& [name, value] : request.control) provenance.fields.emplace_back("control." + name, value);
  RETURN_IF_ERROR(WriteProvenance(request.out, provenance));
  return report;
}

}  // namespace sz::pipeline
