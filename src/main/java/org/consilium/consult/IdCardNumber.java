package org.consilium.consult;

import java.time.DateTimeException;
import java.time.LocalDate;

/** The 18-character resident identity card number (居民身份证号码) of GB 11643-1999. */
final class IdCardNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private IdCardNumber() {
    }

    /** Upper-cases the check character; the input must already be 18 characters. */
    static String normalize(String number) {
        return number == null ? null : number.strip().toUpperCase();
    }

    /** 17 digits, a valid date of birth at positions 7–14, and the ISO 7064 MOD 11-2 check character. */
    static boolean isValid(String number) {
        if (number == null || !number.matches("\\d{17}[0-9X]")) {
            return false;
        }
        if (birthDate(number) == null) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (number.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11) == number.charAt(17);
    }

    static LocalDate birthDate(String number) {
        try {
            return LocalDate.of(Integer.parseInt(number.substring(6, 10)), Integer.parseInt(number.substring(10, 12)),
                    Integer.parseInt(number.substring(12, 14)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
