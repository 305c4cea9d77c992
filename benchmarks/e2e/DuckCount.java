import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The DuckDB side of the end-to-end comparison: counts the SSM events in a CloudTrail corpus of
 * {@code .json.gz} delivery files, in DuckDB's fastest form found for them (one JSON object per file
 * with read_json_objects, the event sources pulled with json_extract_string), on a given thread count.
 *
 * <p>Run with the DuckDB JDBC jar on the class path (Java's single-file launcher):
 * {@code java -cp duckdb_jdbc.jar DuckCount.java CORPUS_DIR THREADS}. Prints the count and the seconds taken.
 */
public class DuckCount {

    public static void main(String[] args) throws Exception {
        String dir = args[0];
        int threads = Integer.parseInt(args[1]);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             Statement s = c.createStatement()) {
            s.execute("SET threads = " + threads);
            try (ResultSet v = s.executeQuery("SELECT version()")) {
                v.next();
                System.err.println("duckdb " + v.getString(1));
            }
            long start = System.nanoTime();
            String sql = "SELECT sum(len(list_filter(json_extract_string(json, '$.Records[*].eventSource'),"
                    + " lambda x: x = 'ssm.amazonaws.com'))) FROM read_json_objects('" + dir.replace("'", "''")
                    + "/**/*.json.gz', format = 'auto', maximum_object_size = 268435456)";
            try (ResultSet r = s.executeQuery(sql)) {
                r.next();
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.println(r.getLong(1) + " " + String.format(java.util.Locale.ROOT, "%.2f", seconds));
            }
        }
    }
}
