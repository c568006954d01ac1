package dev.tapedeck.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.tapedeck.ProviderInfo;
import dev.tapedeck.Tapedeck;
import dev.tapedeck.sandbox.spi.ProviderEmulator;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Nothing outside a provider's own module and its emulator's sub-package names a provider: no string constant in the
 * production classes of core, the HTTP kit, the sandbox's core and SPI, or the command line holds the id of a
 * discovered provider or emulator as a word. ArchUnit sees types, not strings, so this reads the {@code
 * CONSTANT_String} entries of each class file's constant pool: every string literal the class uses, including
 * compile-time constants inlined from other classes (a CLI that copied {@code "sk-sandbox-anchor-..."} from an
 * emulator would be caught), and nothing else (class, method and field names are other entries). A word is the id
 * not touching a letter or digit, matched exactly (ids are lower-case), so {@code "anchorbrowser.io"} or
 * {@code "AnchorBrowser"} do not count. The classes under {@code dev.tapedeck.provider.<id>} and
 * {@code dev.tapedeck.sandbox.<id>} may name their own id, and no other.
 */
class ProviderIdsTest {

    @Test
    void noProviderIdIsWrittenOutsideItsOwnModuleAndEmulator() {
        Set<String> ids = new TreeSet<>();
        Tapedeck.providers().stream().map(ProviderInfo::id).forEach(ids::add);
        ServiceLoader.load(ProviderEmulator.class).forEach(emulator -> ids.add(emulator.providerId()));
        assertThat(ids).as("the bundled providers must be discovered for this test to mean anything")
                .contains("anchor", "notte", "kataven");

        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tapedeck");
        List<String> violations = new ArrayList<>();
        int scanned = 0;
        for (JavaClass type : classes) {
            String own = ownId(type.getPackageName());
            for (String id : ids) {
                if (id.equals(own)) {
                    continue;
                }
                Pattern word = Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(id) + "(?![A-Za-z0-9])");
                for (String literal : stringConstants(type)) {
                    if (word.matcher(literal).find()) {
                        violations.add(type.getName() + " names '" + id + "' in \"" + literal + "\"");
                    }
                }
            }
            scanned++;
        }
        assertThat(scanned).as("classes scanned").isGreaterThan(200);
        assertThat(violations).isEmpty();
    }

    @Test
    void theScanSeesInlinedConstantsAndLiterals() {
        JavaClass emulator = new ClassFileImporter().importClass(dev.tapedeck.sandbox.anchor.AnchorEmulator.class);
        assertThat(stringConstants(emulator)).contains("anchor", "anchor-api-key");
        assertThat(ownId("dev.tapedeck.sandbox.anchor")).isEqualTo("anchor");
        assertThat(ownId("dev.tapedeck.provider.kataven.internal")).isEqualTo("kataven");
        assertThat(ownId("dev.tapedeck.sandbox.spi")).isEqualTo("spi");
        assertThat(ownId("dev.tapedeck.cli")).isEmpty();
    }

    /** The id whose module or emulator package {@code pkg} is, or empty for shared code. */
    private static String ownId(String pkg) {
        for (String root : List.of("dev.tapedeck.provider.", "dev.tapedeck.sandbox.")) {
            if (pkg.startsWith(root)) {
                String rest = pkg.substring(root.length());
                int dot = rest.indexOf('.');
                return dot < 0 ? rest : rest.substring(0, dot);
            }
        }
        return "";
    }

    /** The string literals of {@code type}'s class file: its CONSTANT_String entries. */
    private static List<String> stringConstants(JavaClass type) {
        try (InputStream in = type.getSource().orElseThrow().getUri().toURL().openStream()) {
            DataInputStream data = new DataInputStream(in);
            data.readInt();
            data.readUnsignedShort();
            data.readUnsignedShort();
            int count = data.readUnsignedShort();
            String[] utf8 = new String[count];
            List<Integer> strings = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int tag = data.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = data.readUTF();
                    case 8 -> strings.add(data.readUnsignedShort());
                    case 7, 16, 19, 20 -> data.readUnsignedShort();
                    case 15 -> data.skipNBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> data.readInt();
                    case 5, 6 -> {
                        data.readLong();
                        i++;
                    }
                    default -> throw new IllegalStateException("unknown constant pool tag " + tag + " in "
                            + type.getName());
                }
            }
            return strings.stream().map(index -> utf8[index]).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
