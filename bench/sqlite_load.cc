// The SQLite peer of `kg load`: the triples of a TSV file into one table with subject and object
// indexes, with a prepared statement in one transaction, as a user of SQLite would.
//
//   kg_bench_sqlite_load DB FILE.tsv [--index-first]
//
// By default the indexes are built after the rows are in (SQLite's fastest way to bulk-load);
// --index-first creates them before the inserts.
#include <sqlite3.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

namespace {

bool Exec(sqlite3* db, const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    std::fprintf(stderr, "sqlite: %s: %s\n", sql, error ? error : "?");
    sqlite3_free(error);
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s DB FILE.tsv [--index-first]\n", argv[0]);
    return 2;
  }
  const bool index_first = argc > 3 && std::strcmp(argv[3], "--index-first") == 0;
  std::remove(argv[1]);
  sqlite3* db = nullptr;
  if (sqlite3_open(argv[1], &db) != SQLITE_OK) return 1;
  std::FILE* in = std::fopen(argv[2], "rb");
  if (in == nullptr) return 1;
  const char* indexes =
      "CREATE INDEX triples_subject ON triples(subject);"
      "CREATE INDEX triples_object ON triples(object);";
  if (!Exec(db,
            "CREATE TABLE triples(subject TEXT NOT NULL, relation TEXT NOT NULL, "
            "object TEXT NOT NULL)") ||
      (index_first && !Exec(db, indexes)) || !Exec(db, "BEGIN")) {
    return 1;
  }
  sqlite3_stmt* insert = nullptr;
  if (sqlite3_prepare_v2(db, "INSERT INTO triples VALUES (?1, ?2, ?3)", -1, &insert, nullptr) !=
      SQLITE_OK) {
    return 1;
  }
  char* line = nullptr;
  size_t cap = 0;
  ssize_t len;
  long rows = 0;
  while ((len = getline(&line, &cap, in)) > 0) {
    std::string_view l(line, static_cast<size_t>(len));
    if (!l.empty() && l.back() == '\n') l.remove_suffix(1);
    const size_t t1 = l.find('\t');
    const size_t t2 = t1 == std::string_view::npos ? t1 : l.find('\t', t1 + 1);
    if (t2 == std::string_view::npos) continue;
    const size_t t3 = l.find('\t', t2 + 1);
    const std::string_view s = l.substr(0, t1), r = l.substr(t1 + 1, t2 - t1 - 1),
                           o = l.substr(t2 + 1, t3 == std::string_view::npos ? t3 : t3 - t2 - 1);
    sqlite3_bind_text(insert, 1, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
    sqlite3_bind_text(insert, 2, r.data(), static_cast<int>(r.size()), SQLITE_STATIC);
    sqlite3_bind_text(insert, 3, o.data(), static_cast<int>(o.size()), SQLITE_STATIC);
    if (sqlite3_step(insert) != SQLITE_DONE) {
      std::fprintf(stderr, "sqlite: insert failed: %s\n", sqlite3_errmsg(db));
      return 1;
    }
    sqlite3_reset(insert);
    ++rows;
  }
  std::free(line);
  std::fclose(in);
  sqlite3_finalize(insert);
  if (!Exec(db, "COMMIT") || (!index_first && !Exec(db, indexes))) return 1;
  sqlite3_close(db);
  std::fprintf(stderr, "%ld rows\n", rows);
  return 0;
}
