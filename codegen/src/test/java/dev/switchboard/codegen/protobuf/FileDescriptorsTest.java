package dev.switchboard.codegen.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import dev.switchboard.codegen.GeneratedFile;
import dev.switchboard.codegen.Protoc;
import dev.switchboard.codegen.RichContract;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The descriptor reflection serves is exactly what protoc builds from the exported .proto. */
class FileDescriptorsTest {

    @TempDir
    Path work;

    @Test
    void theContractsDescriptorEqualsWhatProtocBuildsFromTheExportedProto() throws Exception {
        GeneratedFile proto = RichContract.files().stream()
                .filter(file -> file.relativePath().endsWith(".proto")).findFirst().orElseThrow();
        Path set = work.resolve("descriptors.pb");
        Protoc.run(proto, work.resolve("protoc"), "--descriptor_set_out=" + set);
        FileDescriptorProto fromProtoc = FileDescriptorSet.parseFrom(Files.readAllBytes(set)).getFile(0);

        FileDescriptorProto built = FileDescriptors.of(RichContract.contract());

        assertThat(built).isEqualTo(fromProtoc);
        assertThat(built.toByteArray()).isEqualTo(fromProtoc.toByteArray());
    }

    @Test
    void namesFollowProtoc() {
        assertThat(FileDescriptors.jsonName("customer_id")).isEqualTo("customerId");
        assertThat(FileDescriptors.jsonName("a_b_c")).isEqualTo("aBC");
        assertThat(FileDescriptors.mapEntryName("attributes")).isEqualTo("AttributesEntry");
        assertThat(FileDescriptors.mapEntryName("stock_by_sku")).isEqualTo("StockBySkuEntry");
    }
}
