package org.consilium.registry.screening;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An education session held; {@code hospitalId} defaults to the caller's hospital. */
@Schema(example = """
        {"heldOn":"2026-03-12","place":"雉城街道社区卫生服务中心 / Zhicheng community health centre",
         "topic":"肠癌早筛早诊 / Early detection of colorectal cancer","attendance":86}""")
public record SessionRequest(UUID hospitalId,
                             @NotNull @PastOrPresent LocalDate heldOn,
                             @NotBlank @Size(max = 200) String place,
                             @Size(max = 200) String topic,
                             @NotNull @Min(0) @Max(100_000) Integer attendance) {
}
