package dev.shipshape.app;

import dev.shipshape.ShipshapeException;
import dev.shipshape.ShipshapeException.Code;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The SQL files named on a command line: a file as it is, a directory as every {@code *.sql} file
 * under it, a glob ({@code db/migrations/V*.sql}, {@code db/**.sql}) as the files it matches; files
 * found by a directory or glob come in name order. Shown as given, or relative to the working folder.
 */
public final class SqlFiles {

    /** A file to read and the name findings show for it. */
    public record SqlFile(Path path, String shown) {
    }

    private static final PathMatcher SQL = FileSystems.getDefault().getPathMatcher("glob:**.sql");

    private SqlFiles() {
    }

    public static List<SqlFile> resolve(Path cwd, List<String> arguments) {
        List<SqlFile> files = new ArrayList<>();
        for (String argument : arguments) {
            files.addAll(expand(cwd, argument));
        }
        return files;
    }

    private static List<SqlFile> expand(Path cwd, String argument) {
        Path path = cwd.resolve(argument);
        if (isGlob(argument)) {
            return matching(cwd, argument);
        }
        if (Files.isDirectory(path)) {
            List<SqlFile> found = walk(cwd, path, SQL);
            if (found.isEmpty()) {
                throw new ShipshapeException(Code.NOT_FOUND, "no .sql files in the folder " + argument
                        + "; name the migration files or their folder");
            }
            return found;
        }
        return List.of(new SqlFile(path, argument));
    }

    private static List<SqlFile> matching(Path cwd, String glob) {
        Path pattern = cwd.resolve(glob).normalize();
        Path base = pattern.getRoot();
        for (Path part : pattern) {
            if (isGlob(part.toString())) {
                break;
            }
            base = base.resolve(part);
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        List<SqlFile> found = Files.isDirectory(base) ? walk(cwd, base, matcher) : List.of();
        if (found.isEmpty()) {
            throw new ShipshapeException(Code.NOT_FOUND, "no SQL files match " + glob
                    + "; check the pattern (quote it so that the shell leaves it to shipshape)");
        }
        return found;
    }

    private static List<SqlFile> walk(Path cwd, Path folder, PathMatcher matcher) {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(p -> matcher.matches(p) && Files.isRegularFile(p)).sorted()
                    .map(p -> new SqlFile(p, shown(cwd, p))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException e) {
            throw new ShipshapeException(Code.NOT_FOUND, "cannot read the folder " + folder + ": "
                    + e.getCause().getMessage());
        }
    }

    private static String shown(Path cwd, Path file) {
        Path base = cwd.toAbsolutePath().normalize();
        return file.startsWith(base) ? base.relativize(file).toString() : file.toString();
    }

    private static boolean isGlob(String text) {
        return text.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }
}
