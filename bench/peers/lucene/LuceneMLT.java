// LuceneMLT is the Lucene MoreLikeThis peer of the storytrace benchmark,
// driven over standard input and output by bench/peers/lucene.go. One
// command per line, fields separated by tabs, text with \n, \t and \\
// escaped:
//
//   ADD <id> <text>        index an article
//   SEARCH <k> <text>      print "HITS" then "\t<id>\t<score>" per hit
//
// It runs MoreLikeThis as users run it: EnglishAnalyzer, BM25 (Lucene's
// default similarity), and MoreLikeThis's default settings (25 query terms,
// minimum term frequency 2, minimum document frequency 5).
import java.io.*;
import java.nio.charset.StandardCharsets;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.*;
import org.apache.lucene.index.*;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.*;
import org.apache.lucene.store.ByteBuffersDirectory;

public class LuceneMLT {
    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    public static void main(String[] args) throws Exception {
        EnglishAnalyzer analyzer = new EnglishAnalyzer();
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer));
        DirectoryReader reader = null;
        IndexSearcher searcher = null;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
        String line;
        while ((line = in.readLine()) != null) {
            String[] f = line.split("\t", 3);
            if (f[0].equals("ADD") && f.length == 3) {
                Document d = new Document();
                d.add(new StringField("id", f[1], Field.Store.YES));
                d.add(new TextField("text", unescape(f[2]), Field.Store.NO));
                writer.addDocument(d);
                searcher = null;
            } else if (f[0].equals("SEARCH") && f.length == 3) {
                if (searcher == null) {
                    writer.commit();
                    if (reader != null) reader.close();
                    reader = DirectoryReader.open(dir);
                    searcher = new IndexSearcher(reader);
                }
                MoreLikeThis mlt = new MoreLikeThis(reader);
                mlt.setAnalyzer(analyzer);
                mlt.setFieldNames(new String[] {"text"});
                Query q = mlt.like("text", new StringReader(unescape(f[2])));
                TopDocs top = searcher.search(q, Integer.parseInt(f[1]));
                out.print("HITS");
                for (ScoreDoc sd : top.scoreDocs) {
                    out.print("\t" + searcher.doc(sd.doc).get("id") + "\t" + sd.score);
                }
                out.print("\n");
                out.flush();
            } else {
                out.print("ERR bad command\n");
                out.flush();
            }
        }
        writer.close();
    }
}
